using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Reviews.Tests.TestSupport;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Reviews;

/// <summary>An Approve button acts on the text its card showed: a click on an older card, sent as Slack signs it, is refused.</summary>
public sealed class DraftVersionTests : IDisposable
{
    private static readonly ConversationReference Channel = new(Platforms.Slack, SlackTestData.TeamId, SlackTestData.ChannelId);
    private readonly TempDatabaseFile _file = new();

    [Fact]
    public async Task Approve_SignedClickOnTheCardOfAnOlderText_IsRefusedAndTheNewCardApproves()
    {
        await using var factory = new BotFactory(BotFactory.Sqlite(_file.Path, ("Demo:Enabled", "false"), ("Slack:SigningSecret", SlackTestData.SigningSecret)));
        using var http = factory.CreateClient();
        var bot = factory.Services.GetRequiredService<BotDispatcher>();
        await Say(bot, SlackTestData.ManagerId, "practice", "setup \"Sunrise Family Medicine\" America/Chicago");
        await Say(bot, SlackTestData.ManagerId, "practice", "role <@U-ann|Ann> responder");
        await ReceiveAsync(factory);
        await Say(bot, "U-ann", "review", "reply 1 Thank you for telling us.");
        await Say(bot, "U-ann", "review", "publish 1");
        var oldCard = await NewestApproveButtonAsync(factory);
        await Say(bot, SlackTestData.ManagerId, "review", "reject 1 Say sorry first.");
        await Say(bot, "U-ann", "review", "reply 1 We are sorry; please call our office manager.");
        await Say(bot, "U-ann", "review", "publish 1");
        var newCard = await NewestApproveButtonAsync(factory);

        await using var responses = await FakeApi.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 200;
            return Task.CompletedTask;
        });

        var stale = await http.SendAsync(SignedRequests.Slack("http://localhost",
            Form(SlackPayloads.BlockAction(ReviewActions.Approve, oldCard, "1700000000.000100", responses.Url + "/stale")), "application/x-www-form-urlencoded"));
        Assert.True(stale.StatusCode == HttpStatusCode.OK, $"{(int)stale.StatusCode} {await stale.Content.ReadAsStringAsync()}");
        await Eventually.TrueAsync(() => Task.FromResult(responses.Requests.Any(r => r.Path == "/stale")), "the answer to the old card");
        var afterStale = await StatusAsync(factory);
        var current = await http.SendAsync(SignedRequests.Slack("http://localhost",
            Form(SlackPayloads.BlockAction(ReviewActions.Approve, newCard, "1700000000.000200", responses.Url + "/current")), "application/x-www-form-urlencoded"));
        await Eventually.TrueAsync(async () => await StatusAsync(factory) == ReviewStatus.Approved, "the approval from the current card");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (stale.StatusCode, current.StatusCode));
        Assert.NotEqual(oldCard, newCard);
        var answer = responses.Requests.First(r => r.Path == "/stale").Body;
        Assert.Contains("The draft changed since this card; here is the current one.", answer, StringComparison.Ordinal);
        Assert.Contains("We are sorry; please call our office manager.", answer, StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.AwaitingApproval, afterStale);
        await using var scope = factory.Services.CreateAsyncScope();
        var reply = await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().ReviewReplies.SingleAsync();
        Assert.Equal(("We are sorry; please call our office manager.", reply.Version), (reply.Text, reply.ApprovedVersion));
    }

    public void Dispose() => _file.Dispose();

    /// <summary>Interactivity arrives as Slack sends it: the JSON in a form field named <c>payload</c>.</summary>
    private static string Form(string payloadJson) => "payload=" + Uri.EscapeDataString(payloadJson);

    private static async Task ReceiveAsync(BotFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var practiceId = await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Practices.Select(p => p.Id).SingleAsync();
        await scope.ServiceProvider.GetRequiredService<ReviewIntake>().ReceiveAsync(practiceId,
            [new SourcedReview("healthgrades", "hg-1", 2, null, "J. D.", "Waited an hour.", new DateTimeOffset(2026, 11, 20, 14, 3, 0, TimeSpan.Zero))],
            ReviewOrigin.Webhook, surface: false, "webhook", CancellationToken.None);
    }

    private static async Task<ReviewStatus> StatusAsync(BotFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Reviews.Select(r => r.Status).SingleAsync();
    }

    /// <summary>The value of the Approve button on the newest approval request sent to the manager.</summary>
    private static async Task<string> NewestApproveButtonAsync(BotFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Outbox.OrderByDescending(o => o.Id).ToListAsync();
        return sent.Where(o => o.Target.UserId == SlackTestData.ManagerId)
            .SelectMany(o => o.Message.Card?.Blocks.OfType<ActionsBlock>() ?? [])
            .SelectMany(a => a.Buttons)
            .First(b => b.ActionId == ReviewActions.Approve).Value;
    }

    private static Task<TurnResult> Say(BotDispatcher bot, string user, string command, string text) =>
        bot.DispatchAsync(new CommandReceived(Channel, new ChatUser(user, user), command, text));
}
