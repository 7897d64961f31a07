using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources.Connections;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Reviews.Sources.Push;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Reviews.Connect;

/// <summary>
/// Connecting Google from chat and receiving its pushes, through the real host and the real Google client code against
/// <see cref="FakeGoogle"/>: the consent link, the callback, the location picked with a button, polling with the
/// practice's own refresh token, Pub/Sub pushes verified against the fake's JWKS, and disconnecting.
/// </summary>
public sealed class GoogleConnectTests : IDisposable
{
    private static readonly ConversationReference Channel = new(Platforms.Slack, "T-connect", "C-reviews");
    private readonly TempDatabaseFile _file = new();

    [Fact]
    public async Task Connect_ConsentThenPickingTheLocation_PollsThatLocationWithThePracticesOwnToken()
    {
        await using var google = await FakeGoogle.StartAsync();
        google.AddReview("r1", "TWO", "Waited an hour past my time.", DateTimeOffset.UtcNow.AddHours(-2));
        await using var factory = Host(google);
        var bot = factory.Services.GetRequiredService<BotDispatcher>();
        await SetUpAsync(bot);

        var picked = await ConnectAsync(factory, bot, google);
        await PollAsync(bot);
        var sources = await Say(bot, "U-owner", "practice", "sources");

        Assert.Contains("Google is connected", Text(picked), StringComparison.Ordinal);
        Assert.Contains("Main St office", Text(picked), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var review = await db.Reviews.SingleAsync();
        Assert.Equal(($"{FakeGoogle.Location}/reviews/r1", ReviewOrigin.Polled, FakeGoogle.Location), (review.ExternalId, review.Origin, review.SourceLocation));
        Assert.Contains(google.Api.Requests, r => r.Path == $"/v4/{FakeGoogle.Location}/reviews" && r.Authorization == "Bearer access-practice");
        Assert.DoesNotContain(google.Api.Requests, r => r.Path.Contains("locations/3/reviews", StringComparison.Ordinal));
        var row = await db.SourceConnections.SingleAsync();
        Assert.DoesNotContain(FakeGoogle.RefreshToken, row.ProtectedSecret ?? "", StringComparison.Ordinal);
        Assert.Equal(FakeGoogle.RefreshToken, scope.ServiceProvider.GetRequiredService<ISourceSecrets>().Unprotect(row.ProtectedSecret));
        Assert.Contains("Sunrise Group", Text(sources), StringComparison.Ordinal);
        Assert.Contains("Main St office", Text(sources), StringComparison.Ordinal);
        Assert.Contains("last sync", Text(sources), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_WithAStateUsedOnceAlready_IsRefusedAndStoresNothingMore()
    {
        await using var google = await FakeGoogle.StartAsync();
        await using var factory = Host(google);
        var bot = factory.Services.GetRequiredService<BotDispatcher>();
        await SetUpAsync(bot);
        var callback = await ConsentAsync(google, await LinkAsync(bot));
        using var http = factory.CreateClient();

        using var first = await http.GetAsync(callback);
        using var again = await http.GetAsync(callback);
        using var forged = await http.GetAsync("/api/sources/google/callback?state=not-a-state&code=4/code-9");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("expired or was already used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Single(google.Api.Requests, r => r.Path == "/token");
    }

    [Fact]
    public async Task Connect_ByAResponder_IsRefusedAndSendsNoLink()
    {
        await using var google = await FakeGoogle.StartAsync();
        await using var factory = Host(google);
        var bot = factory.Services.GetRequiredService<BotDispatcher>();
        await SetUpAsync(bot);
        await Say(bot, "U-owner", "practice", "role <@U-ann|Ann> responder");

        var result = await Say(bot, "U-ann", "practice", "connect google");

        Assert.DoesNotContain(result.Replies, r => r.Message.Card?.Blocks.OfType<ActionsBlock>().Any() == true);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().SourceConnections.ToListAsync());
    }

    [Fact]
    public async Task Push_ThenPoll_TheReviewIsStoredOnceAndItsCardPostedOnce()
    {
        await using var google = await FakeGoogle.StartAsync();
        google.AddReview("r7", "ONE", "Nobody called me back.", DateTimeOffset.UtcNow.AddMinutes(-1));
        await using var factory = Host(google);
        var bot = factory.Services.GetRequiredService<BotDispatcher>();
        await SetUpAsync(bot);
        await ConnectAsync(factory, bot, google);

        using var pushed = await PushAsync(factory, google.PushToken(), FakeGoogle.PushBody("NEW_REVIEW", "r7"));
        var storedByPush = await CountAsync(factory);
        await PollAsync(bot);
        using var again = await PushAsync(factory, google.PushToken(), FakeGoogle.PushBody("UPDATED_REVIEW", "r7"));

        Assert.Equal(HttpStatusCode.NoContent, pushed.StatusCode);
        Assert.Equal(1, storedByPush);
        Assert.Equal(1, await CountAsync(factory));
        await Eventually.TrueAsync(() => factory.Slack.Sent.Any(s => s.Message.CardKey == "review:1"), "the review's card is posted");
        await Task.Delay(300);
        Assert.Single(factory.Slack.Sent, s => s.Message.CardKey == "review:1" && !s.Message.ReplacesCard);
        Assert.Contains(google.Api.Requests, r => r.Path == $"/v4/{FakeGoogle.Location}/reviews/r7" && r.Authorization == "Bearer access-practice");
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("expired")]
    [InlineData("audience")]
    [InlineData("email")]
    [InlineData("issuer")]
    [InlineData("none")]
    public async Task Push_WithATokenThatIsNotGooglesForThisSubscription_Is401AndStoresNothing(string what)
    {
        await using var google = await FakeGoogle.StartAsync();
        google.AddReview("r7", "ONE", "Nobody called me back.", DateTimeOffset.UtcNow.AddMinutes(-1));
        await using var factory = Host(google);
        var bot = factory.Services.GetRequiredService<BotDispatcher>();
        await SetUpAsync(bot);
        await ConnectAsync(factory, bot, google);
        using var otherKey = RSA.Create(2048);
        var token = what switch
        {
            "forged" => google.PushToken(key: otherKey),
            "expired" => google.PushToken(expires: DateTime.UtcNow.AddMinutes(-10)),
            "audience" => google.PushToken(audience: "https://evil.example/push"),
            "email" => google.PushToken(email: "someone-else@evil-project.iam.gserviceaccount.com"),
            "issuer" => google.PushToken(issuer: "https://evil.example"),
            _ => null,
        };

        using var response = await PushAsync(factory, token, FakeGoogle.PushBody("NEW_REVIEW", "r7"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await CountAsync(factory));
        Assert.DoesNotContain(google.Api.Requests, r => r.Path.EndsWith("/reviews/r7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Push_ForALocationNoPracticeHas_IsAcknowledgedAndStoresNothing()
    {
        await using var google = await FakeGoogle.StartAsync();
        await using var factory = Host(google);
        var bot = factory.Services.GetRequiredService<BotDispatcher>();
        await SetUpAsync(bot);
        await ConnectAsync(factory, bot, google);

        using var response = await PushAsync(factory, google.PushToken(), FakeGoogle.PushBody("NEW_REVIEW", "x1", FakeGoogle.OtherLocation));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, await CountAsync(factory));
    }

    [Fact]
    public async Task Sources_AfterGoogleRevokedTheToken_SaysSoInPlainWords()
    {
        await using var google = await FakeGoogle.StartAsync();
        await using var factory = Host(google);
        var bot = factory.Services.GetRequiredService<BotDispatcher>();
        await SetUpAsync(bot);
        await ConnectAsync(factory, bot, google);
        google.Revoked = true;

        await PollAsync(bot);
        var sources = await Say(bot, "U-owner", "practice", "sources");

        Assert.Contains("Google says the token was revoked or has expired: reconnect with `practice connect google`", Text(sources), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disconnect_RevokesTheRefreshTokenAtGoogleAndDeletesIt()
    {
        await using var google = await FakeGoogle.StartAsync();
        await using var factory = Host(google);
        var bot = factory.Services.GetRequiredService<BotDispatcher>();
        await SetUpAsync(bot);
        await ConnectAsync(factory, bot, google);

        var result = await Say(bot, "U-owner", "practice", "disconnect google");

        Assert.Contains("Google is disconnected", Text(result), StringComparison.Ordinal);
        await Eventually.TrueAsync(() => google.RevokedTokens.Contains(FakeGoogle.RefreshToken), "the refresh token is revoked at Google", 10);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().SourceConnections.ToListAsync());
    }

    [Fact]
    public async Task Publish_AReviewOfTheConnectedLocation_GoesToGoogleWithThePracticesOwnToken()
    {
        await using var google = await FakeGoogle.StartAsync();
        google.AddReview("r1", "TWO", "Waited an hour past my time.", DateTimeOffset.UtcNow.AddHours(-2));
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = Host(google, services => services.AddSingleton<TimeProvider>(time));
        var bot = factory.Services.GetRequiredService<BotDispatcher>();
        await SetUpAsync(bot);
        await Say(bot, "U-owner", "practice", "role <@U-ann|Ann> responder");
        await ConnectAsync(factory, bot, google);
        await bot.DispatchAsync(new ScheduleFired(ReviewSchedules.Poll, 1, time.GetUtcNow(), new Dictionary<string, string> { [ReviewSchedules.SourceKey] = "google" }));

        await Say(bot, "U-ann", "review", "claim 1");
        await Say(bot, "U-ann", "review", "reply 1 Thank you for telling us. Please call our office manager.");
        await Say(bot, "U-ann", "review", "publish 1");
        await Say(bot, "U-owner", "review", "approve 1");
        var publish = await Say(bot, "U-ann", "review", "publish 1");
        time.Advance(TimeSpan.FromMinutes(11));
        await bot.DispatchAsync(ScheduleFired.Create(ReviewSchedules.Publish, null, time.GetUtcNow()));

        Assert.Contains("goes to Google", Text(publish), StringComparison.Ordinal);
        var put = Assert.Single(google.Api.Requests, r => r.Method == "PUT");
        Assert.Equal(($"/v4/{FakeGoogle.Location}/reviews/r1/reply", "Bearer access-practice"), (put.Path, put.Authorization));
    }

    public void Dispose() => _file.Dispose();

    /// <summary>`practice connect google`, consent at the fake, the callback, and the Main St office button.</summary>
    internal static async Task<TurnResult> ConnectAsync(BotFactory factory, BotDispatcher bot, FakeGoogle google)
    {
        var callback = await ConsentAsync(google, await LinkAsync(bot));
        using var http = factory.CreateClient();
        using var page = await http.GetAsync(callback);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Go back to the chat", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        CardButton? button = null;
        await Eventually.TrueAsync(async () => (button = await LocationButtonAsync(factory, "Main St office")) is not null, "the location buttons reach the manager", 10);
        return await bot.DispatchAsync(new ActionInvoked(Channel, new ChatUser("U-owner"), button!.ActionId, button.Value, new Dictionary<string, string>()));
    }

    /// <summary>The button in the direct message to the manager (read from the outbox: a test on a fake clock delivers nothing).</summary>
    private static async Task<CardButton?> LocationButtonAsync(BotFactory factory, string label)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var queued = await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Outbox.AsNoTracking().ToListAsync();
        return queued.Where(m => m.Target.UserId == "U-owner" && m.Target.Visibility == MessageVisibility.Direct)
            .SelectMany(m => m.Message.Card?.Blocks.OfType<ActionsBlock>() ?? [])
            .SelectMany(a => a.Buttons)
            .FirstOrDefault(b => b.ActionId == ChooseSourceLocation.ActionId && b.Text.Contains(label, StringComparison.Ordinal));
    }

    private static async Task<Uri> LinkAsync(BotDispatcher bot)
    {
        var result = await Say(bot, "U-owner", "practice", "connect google");
        var reply = Assert.Single(result.Replies, r => r.Secret);
        return new Uri(reply.Message.Card!.Blocks.OfType<ActionsBlock>().Single().Buttons.Single().Url!);
    }

    /// <summary>The browser's part: the fake's consent page redirects back to the bot with a code; returns that address.</summary>
    private static async Task<string> ConsentAsync(FakeGoogle google, Uri link)
    {
        Assert.StartsWith(google.Url, link.AbsoluteUri, StringComparison.Ordinal);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var browser = new HttpClient(handler);
        using var consent = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        var back = consent.Headers.Location!;
        Assert.Equal("/api/sources/google/callback", back.AbsolutePath);
        Assert.NotNull(QueryHelpers.ParseQuery(back.Query)["code"].ToString());
        return back.PathAndQuery;
    }

    internal static async Task<HttpResponseMessage> PushAsync(BotFactory factory, string? token, string body)
    {
        using var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, GooglePushApi.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }

    private static async Task<int> CountAsync(BotFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Reviews.CountAsync();
    }

    private static async Task SetUpAsync(BotDispatcher bot) => await Say(bot, "U-owner", "practice", "setup \"Connect Clinic\" America/Chicago");

    private static Task PollAsync(BotDispatcher bot) => bot.DispatchAsync(new ScheduleFired(
        ReviewSchedules.Poll, 1, DateTimeOffset.UtcNow, new Dictionary<string, string> { [ReviewSchedules.SourceKey] = "google" }));

    private BotFactory Host(FakeGoogle google, Action<IServiceCollection>? configure = null) => new(BotFactory.Sqlite(
        _file.Path,
        [("Demo:Enabled", "false"), ("PublicBaseUrl", "http://localhost"), .. google.Settings()]), configure);

    internal static Task<TurnResult> Say(BotDispatcher bot, string user, string command, string text) =>
        bot.DispatchAsync(new CommandReceived(Channel, new ChatUser(user), command, text));

    internal static string Text(TurnResult result) => string.Join("\n", result.Replies.Select(r => PlainTextRenderer.Render(r.Message)));
}
