using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PracticeBot.Adapters.Reviews.Tests.TestSupport;
using PracticeBot.Adapters.Reviews.Webhook;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Reviews.Sources;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Reviews;

/// <summary>
/// Through the real host and the real Google connector against a loopback fake of the Business Profile API:
/// poll → claim → draft → approval → publish → the hold elapses on a fake clock → the fake gets the PUT once.
/// </summary>
public sealed class GooglePublishEndToEndTests : IDisposable
{
    private const string Location = "accounts/1/locations/2";
    private const string ReviewName = Location + "/reviews/r1";
    private const string WebhookSecret = "deployment-webhook-secret";
    private static readonly ConversationReference Channel = new(Platforms.Slack, "T-e2e", "C-reviews");

    private readonly TempDatabaseFile _file = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Publish_AfterApprovalAndHold_GoogleGetsThePutOnceAndTheCardShowsReplied()
    {
        await using var google = await FakeGoogleAsync();
        await using var factory = Host(google);
        var bot = factory.Services.GetRequiredService<BotDispatcher>();
        await ReviewAwaitingPublishAsync(bot);

        var publish = await Say(bot, "U-ann", "review", "publish 1");
        _time.Advance(TimeSpan.FromMinutes(9));
        await SweepAsync(bot);
        var putsDuringHold = Puts(google);
        _time.Advance(TimeSpan.FromMinutes(1));
        await SweepAsync(bot);
        await SweepAsync(bot);
        var card = await Say(bot, "U-ann", "review", "1");

        Assert.Contains("goes to Google in 10 minutes", Text(publish), StringComparison.Ordinal);
        Assert.Equal(0, putsDuringHold);
        var put = Assert.Single(google.Requests, r => r.Method == "PUT");
        Assert.Equal($"/v4/{ReviewName}/reply", put.Path);
        Assert.Contains("Thank you for telling us.", put.Body, StringComparison.Ordinal);
        Assert.Equal("Bearer access-1", put.Authorization);
        Assert.Contains("replied", Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_DuringTheHold_GoogleGetsNothing()
    {
        await using var google = await FakeGoogleAsync();
        await using var factory = Host(google);
        var bot = factory.Services.GetRequiredService<BotDispatcher>();
        await ReviewAwaitingPublishAsync(bot);

        await Say(bot, "U-ann", "review", "publish 1");
        _time.Advance(TimeSpan.FromMinutes(5));
        await Say(bot, "U-ann", "review", "cancel 1");
        _time.Advance(TimeSpan.FromMinutes(20));
        await SweepAsync(bot);

        Assert.Equal(0, Puts(google));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(ReviewStatus.Approved, (await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Reviews.SingleAsync()).Status);
    }

    [Fact]
    public async Task Setup_OfAPracticeWithGoogleConfigured_SchedulesItsPollAtOnce()
    {
        await using var google = await FakeGoogleAsync();
        await using var factory = Host(google);
        var bot = factory.Services.GetRequiredService<BotDispatcher>();

        await Say(bot, "U-owner", "practice", "setup \"E2E Clinic\" America/Chicago");

        var scheduler = await factory.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        Assert.True(await scheduler.Exists(PracticeBot.Host.Reviews.Sources.ReviewPollScheduler.KeyFor("google", 1)));
    }

    [Fact]
    public async Task Webhook_ClaimingGoogleWithAPolledReviewsId_DoesNotOverwriteIt()
    {
        await using var google = await FakeGoogleAsync();
        await using var factory = Host(google);
        var bot = factory.Services.GetRequiredService<BotDispatcher>();
        await Say(bot, "U-owner", "practice", "setup \"E2E Clinic\" America/Chicago");
        await PollAsync(bot);

        using var response = await PostWebhookAsync(factory, ReviewName, 5, "Five stars, replying is pointless.", "2030-01-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var review = await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Reviews.SingleAsync();
        Assert.Equal(("Waited an hour past my time.", 2, ReviewOrigin.Polled, Location),
            (review.Text, review.Rating, review.Origin, review.SourceLocation));
    }

    [Fact]
    public async Task Publish_WebhookReviewClaimingAnotherPracticesGoogleReview_IsNeverSentToGoogle()
    {
        await using var google = await FakeGoogleAsync();
        await using var factory = Host(google);
        var bot = factory.Services.GetRequiredService<BotDispatcher>();
        await Say(bot, "U-owner", "practice", "setup \"E2E Clinic\" America/Chicago");
        await Say(bot, "U-owner", "practice", "role <@U-ann|Ann> responder");
        using (var pushed = await PostWebhookAsync(factory, "accounts/9/locations/9/reviews/victim", 1, "Terrible.", null))
        {
            Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        }

        await Say(bot, "U-ann", "review", "claim 1");
        await Say(bot, "U-ann", "review", "reply 1 Thank you for telling us. Please call our office manager.");
        await Say(bot, "U-ann", "review", "publish 1");
        var approve = await Say(bot, "U-owner", "review", "approve 1");
        var publish = await Say(bot, "U-ann", "review", "publish 1");
        _time.Advance(TimeSpan.FromHours(1));
        await SweepAsync(bot);

        Assert.Contains("Approved the reply to review #1", Text(approve), StringComparison.Ordinal);
        Assert.Contains("Ready to post on Google", Text(publish), StringComparison.Ordinal);
        Assert.Contains("came through the webhook, not from the practice's connected Google location", Text(publish), StringComparison.Ordinal);
        Assert.Equal(0, Puts(google));
    }

    public void Dispose() => _file.Dispose();

    private Task PollAsync(BotDispatcher bot) => bot.DispatchAsync(new ScheduleFired(
        ReviewSchedules.Poll, 1, _time.GetUtcNow(), new Dictionary<string, string> { [ReviewSchedules.SourceKey] = "google" }));

    /// <summary>A Google-claiming review pushed to the webhook of e2e-clinic, signed with the deployment secret.</summary>
    private static async Task<HttpResponseMessage> PostWebhookAsync(BotFactory factory, string externalId, int rating, string text, string? updatedAt)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["practice"] = "e2e-clinic", ["source"] = "google", ["externalId"] = externalId, ["rating"] = rating, ["text"] = text,
            ["createdAt"] = "2026-11-23T14:00:00Z", ["updatedAt"] = updatedAt,
        });
        var bytes = Encoding.UTF8.GetBytes(json);
        using var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, ReviewWebhookApi.Path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Sign(bytes, WebhookSecret));
        return await http.SendAsync(request);
    }

    /// <summary>The practice is set up, Google's review is polled in, claimed, drafted, sent for approval and approved.</summary>
    private async Task ReviewAwaitingPublishAsync(BotDispatcher bot)
    {
        await Say(bot, "U-owner", "practice", "setup \"E2E Clinic\" America/Chicago");
        await Say(bot, "U-owner", "practice", "role <@U-ann|Ann> responder");
        await PollAsync(bot);
        await Say(bot, "U-ann", "review", "claim 1");
        await Say(bot, "U-ann", "review", "reply 1 Thank you for telling us. Please call our office manager.");
        await Say(bot, "U-ann", "review", "publish 1");
        var approve = await Say(bot, "U-owner", "review", "approve 1");
        Assert.Contains("Approved the reply to review #1", Text(approve), StringComparison.Ordinal);
    }

    private BotFactory Host(FakeApi google) => new(
        BotFactory.Sqlite(
            _file.Path,
            ("Demo:Enabled", "false"),
            ("Sources:Webhook:Secret", WebhookSecret),
            ("Sources:Workspaces:e2e-clinic", "slack:T-e2e"),
            ("Sources:Google:BaseUrl", google.Url + "/"),
            ("Sources:Google:TokenEndpoint", google.Url + "/token"),
            ("Sources:Google:ClientId", "client"),
            ("Sources:Google:ClientSecret", "secret"),
            ("Sources:Google:RefreshToken", "refresh"),
            ("Sources:Google:Practices:e2e-clinic:0:Name", Location)),
        services => services.AddSingleton<TimeProvider>(_time));

    private static Task<FakeApi> FakeGoogleAsync() => FakeApi.StartAsync(async (context, request) =>
    {
        switch (request.Method, request.Path)
        {
            case ("POST", "/token"):
                await context.Response.WriteAsJsonAsync(new { access_token = "access-1", expires_in = 3600, token_type = "Bearer" });
                break;
            case ("GET", "/v4/" + Location + "/reviews"):
                await context.Response.WriteAsJsonAsync(new
                {
                    reviews = new[]
                    {
                        new
                        {
                            name = ReviewName, reviewId = "r1", reviewer = new { displayName = "Maria G.", isAnonymous = false },
                            starRating = "TWO", comment = "Waited an hour past my time.",
                            createTime = "2026-11-23T14:00:00Z", updateTime = "2026-11-23T14:00:00Z",
                        },
                    },
                    totalReviewCount = 1,
                });
                break;
            case ("PUT", "/v4/" + ReviewName + "/reply"):
                await context.Response.WriteAsJsonAsync(new { comment = "ok", updateTime = "2026-11-23T15:10:00Z" });
                break;
            default:
                context.Response.StatusCode = (int)HttpStatusCode.NotFound;
                break;
        }
    });

    private static int Puts(FakeApi google) => google.Requests.Count(r => r.Method == "PUT");

    private Task SweepAsync(BotDispatcher bot) =>
        bot.DispatchAsync(ScheduleFired.Create(ReviewSchedules.Publish, null, _time.GetUtcNow()));

    private static Task<TurnResult> Say(BotDispatcher bot, string user, string command, string text) =>
        bot.DispatchAsync(new CommandReceived(Channel, new ChatUser(user), command, text));

    private static string Text(TurnResult result) => string.Join("\n", result.Replies.Select(r => PlainTextRenderer.Render(r.Message)));
}
