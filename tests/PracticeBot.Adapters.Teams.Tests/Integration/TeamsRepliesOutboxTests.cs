using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Teams.Tests.Integration;

/// <summary>
/// Issue #18 item 6: a Teams turn's replies go through the outbox like every other message. They are written with the
/// turn and delivered by the outbox worker as replies to the activity, retried when the connector fails.
/// </summary>
#pragma warning disable CA1001 // disposed in DisposeAsync (xunit's IAsyncLifetime)
public sealed class TeamsRepliesOutboxTests : IAsyncLifetime
{
    private readonly TempDatabaseFile _database = new();
    private BotFrameworkFake _fake = null!;
    private TeamsBotFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _fake = await BotFrameworkFake.StartAsync();
        _factory = new TeamsBotFactory(
            _fake,
            _database.Path,
            s => s.AddBotRoutes(b => b.OnMessage<FailingTurn>("test.fail", FailingTurn.Pattern())),
            new Dictionary<string, string>
            {
                ["Outbox:BaseDelay"] = "00:00:00.200",
                ["Outbox:MaxDelay"] = "00:00:01",
            });
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _fake.DisposeAsync();
        _database.Dispose();
    }

    private static string ReplyPath(JsonObject message) =>
        $"/v3/conversations/{Uri.EscapeDataString(Activities.Channel)}/activities/{message["id"]}";

    [Fact]
    public async Task Message_Reply_IsAnOutboxRowDeliveredAsAReplyToTheActivity()
    {
        var message = Activities.Message(_fake.ServiceUrl, "help");

        await SendAsync(message);

        var row = Assert.Single(Rows());
        Assert.Equal(Platforms.Teams, row.Platform);
        Assert.Equal(MessageVisibility.InChannel, row.Target.Visibility);
        Assert.Equal(Activities.Channel, row.Target.Conversation.ChannelId);
        Assert.Equal((string?)message["id"], row.Target.Conversation.ThreadId);
        Assert.Equal(_fake.ServiceUrl, row.Target.Conversation.ServiceUrl);
        Assert.Contains("help", row.Message.Text, StringComparison.OrdinalIgnoreCase);
        await _factory.OutboxDrainedAsync();
        var reply = Assert.Single(_fake.CallsTo("POST", ReplyPath(message)));
        Assert.Contains("PracticeBot help", reply.Body, StringComparison.Ordinal);
        var sent = Assert.Single(Rows());
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(Activities.Channel, sent.PlatformChannelId);
        Assert.False(string.IsNullOrEmpty(sent.PlatformMessageId));
    }

    [Fact]
    public async Task Message_ConnectorAnswers503_OutboxRetriesAndDeliversOnce()
    {
        // The first connector call of the turn is the reply: a 503 as Teams answers while it is unwell.
        _fake.Script(503, """{"error":{"code":"ServiceUnavailable","message":"unwell"}}""");
        var message = Activities.Message(_fake.ServiceUrl, "help");

        await SendAsync(message);

        await _factory.OutboxDrainedAsync();
        var row = Assert.Single(Rows());
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(2, row.Attempts);
        Assert.Contains("503", row.LastError ?? "", StringComparison.Ordinal);
        var attempts = _fake.CallsTo("POST", ReplyPath(message)).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Body, attempts[1].Body);
        Assert.Contains("PracticeBot help", attempts[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_PollIntervalOfFiveMinutes_RepliesArriveAtOnceBecauseTheTurnWakesTheWorker()
    {
        // A host whose worker would not look at the outbox again for five minutes: only a wake after a commit sends.
        using var database = new TempDatabaseFile();
        await using var factory = new TeamsBotFactory(_fake, database.Path, settings: new Dictionary<string, string> { ["Outbox:PollInterval"] = "00:05:00" });
        using var client = factory.CreateClient();
        var first = Activities.Message(_fake.ServiceUrl, "help");
        var second = Activities.Message(_fake.ServiceUrl, "help");

        // The first reply may also have been found by the worker's look at start-up; once it is out, the worker
        // waits its five minutes, so the second reply can only go out on a wake.
        await SendAsync(client, first);
        await Eventually.TrueAsync(() => _fake.CallsTo("POST", ReplyPath(first)).Any(), "the first reply to reach the connector", seconds: 20);
        await SendAsync(client, second);

        await Eventually.TrueAsync(() => _fake.CallsTo("POST", ReplyPath(second)).Any(), "the second reply to reach the connector", seconds: 20);
    }

    [Fact]
    public async Task Message_TurnFails_PersonIsToldAndNothingItSaidBeforeTheFailureIsSent()
    {
        var message = Activities.Message(_fake.ServiceUrl, "fail this turn please");

        await SendAsync(message);

        await _factory.OutboxDrainedAsync();
        var reply = Assert.Single(_fake.CallsTo("POST", ReplyPath(message)));
        Assert.Contains("something went wrong on my side", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(_fake.Calls, c => c.Body.Contains(FailingTurn.SaidBeforeFailing, StringComparison.Ordinal));
        var row = Assert.Single(Rows());
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.DoesNotContain(FailingTurn.SaidBeforeFailing, row.Message.Text, StringComparison.Ordinal);
    }

    private List<OutboxMessage> Rows()
    {
        using var scope = _factory.Services.CreateScope();
        return [.. scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Outbox.AsNoTracking().OrderBy(o => o.Id)];
    }

    private Task SendAsync(JsonObject activity) => SendAsync(_client, activity);

    private async Task SendAsync(HttpClient client, JsonObject activity)
    {
        using var request = Activities.Post(activity, TestTokens.Create(_fake, _fake.ServiceUrl));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>A turn that says something, then fails with a bug: its transaction, replies included, rolls back.</summary>
public sealed partial class FailingTurn : IBotHandler<MessageReceived>
{
    public const string SaidBeforeFailing = "Working on it, this will not last";

    public ValueTask HandleAsync(MessageReceived message, TurnContext turn, CancellationToken cancellationToken)
    {
        turn.Reply(SaidBeforeFailing);
        throw new InvalidOperationException("a bug in the turn");
    }

    [GeneratedRegex("^fail this turn", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    public static partial Regex Pattern();
}
