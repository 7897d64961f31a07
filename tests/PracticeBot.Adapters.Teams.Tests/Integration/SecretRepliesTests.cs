using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Teams.Outbound;
using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Teams.Tests.Integration;

/// <summary>
/// Issue #18 item 4: Teams has no private replies, so a secret (the practice's webhook secret, the calendar-feed link)
/// goes to the person's personal chat with the bot; the channel only hears that it was sent there.
/// </summary>
#pragma warning disable CA1001 // disposed in DisposeAsync (xunit's IAsyncLifetime)
public sealed partial class SecretRepliesTests : IAsyncLifetime
{
    private const string PrivateChat = "a:dm-chat-1";
    private readonly TempDatabaseFile _database = new();
    private BotFrameworkFake _fake = null!;
    private TeamsBotFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _fake = await BotFrameworkFake.StartAsync();
        _factory = new TeamsBotFactory(_fake, _database.Path);
        _client = _factory.CreateClient();
        await SendAsync(Activities.BotAdded(_fake.ServiceUrl));
        // The setup guide goes to the personal chat of whoever added the bot: let it arrive before the tests count calls.
        await Eventually.TrueAsync(() => _fake.Calls.Any(c => c.Body.Contains("setup.start", StringComparison.Ordinal)), "the setup guide");
        await SendAsync(Activities.Message(_fake.ServiceUrl, "practice setup \"Sunrise Family Medicine\" America/Chicago"));

        // The welcome and the setup's replies go through the outbox: out of the way before a test counts calls or scripts the fake.
        await _factory.OutboxDrainedAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _fake.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task PracticeSettings_InAChannel_SecretGoesToThePersonalChatAndTheChannelIsToldSo()
    {
        var mark = _fake.Calls.Count;

        await SendAsync(Activities.Message(_fake.ServiceUrl, "practice settings"));

        var calls = _fake.Calls.Skip(mark).ToList();
        var toChannel = calls.Where(c => c.Path.Contains(Uri.EscapeDataString(Activities.Channel), StringComparison.Ordinal)).ToList();
        Assert.Contains(toChannel, c => c.Body.Contains("settings", StringComparison.Ordinal));
        Assert.Contains(toChannel, c => c.Body.Contains(TeamsReplier.SentPrivately, StringComparison.Ordinal));
        Assert.DoesNotContain(toChannel, c => WebhookSecret().IsMatch(c.Body));
        var opened = Assert.Single(calls, c => c is { Method: "POST", Path: "/v3/conversations" });
        Assert.Contains(Activities.AnnId, opened.Body, StringComparison.Ordinal);
        var secret = Assert.Single(calls, c => c.Path == $"/v3/conversations/{Uri.EscapeDataString(PrivateChat)}/activities");
        Assert.Matches(WebhookSecret(), secret.Body);
    }

    [Fact]
    public async Task PostingSchedule_InAChannel_FeedTokenOnlyInThePersonalChat()
    {
        await SendAsync(Activities.Message(_fake.ServiceUrl, "posting plan 3/week facebook"));
        await _factory.OutboxDrainedAsync();
        var mark = _fake.Calls.Count;

        await SendAsync(Activities.Message(_fake.ServiceUrl, "posting schedule"));

        var calls = _fake.Calls.Skip(mark).ToList();
        Assert.DoesNotContain(calls.Where(c => c.Path.Contains(Uri.EscapeDataString(Activities.Channel), StringComparison.Ordinal)), c => c.Body.Contains("token=", StringComparison.Ordinal));
        var secret = Assert.Single(calls, c => c.Path == $"/v3/conversations/{Uri.EscapeDataString(PrivateChat)}/activities");
        Assert.Contains("posting.ics?token=", secret.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PracticeSettings_PrivateChatCannotBeOpened_ChannelGetsNoSecretButHowToGetIt()
    {
        // Scripted answers go to the connector calls in order: the settings reply, then the opening of the private chat.
        _fake.Script(200, """{"id":"settings-reply"}""");
        _fake.Script(403, """{"error":{"code":"Forbidden","message":"no"}}""");
        var mark = _fake.Calls.Count;

        await SendAsync(Activities.Message(_fake.ServiceUrl, "practice settings"));

        var calls = _fake.Calls.Skip(mark).ToList();
        Assert.DoesNotContain(calls, c => WebhookSecret().IsMatch(c.Body));
        Assert.Contains(calls, c => c.Body.Contains("could not open a private chat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PracticeSettings_InThePersonalChat_SecretIsAnsweredThere()
    {
        var personal = Activities.Message(_fake.ServiceUrl, "practice settings");
        personal["conversation"] = new JsonObject { ["id"] = "a:ann-personal", ["conversationType"] = "personal", ["tenantId"] = Activities.Tenant };
        personal["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Activities.Tenant } };
        var mark = _fake.Calls.Count;

        await SendAsync(personal);

        var calls = _fake.Calls.Skip(mark).ToList();
        Assert.DoesNotContain(calls, c => c is { Method: "POST", Path: "/v3/conversations" });
        Assert.Contains(calls, c => c.Path.StartsWith($"/v3/conversations/{Uri.EscapeDataString("a:ann-personal")}/", StringComparison.Ordinal) && WebhookSecret().IsMatch(c.Body));
    }

    [Fact]
    public async Task SecretReplies_InAChannelAndInThePersonalChat_NeverWrittenToTheOutboxTable()
    {
        var personal = Activities.Message(_fake.ServiceUrl, "practice settings");
        personal["conversation"] = new JsonObject { ["id"] = "a:ann-personal", ["conversationType"] = "personal", ["tenantId"] = Activities.Tenant };
        personal["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Activities.Tenant } };

        await SendAsync(Activities.Message(_fake.ServiceUrl, "practice settings"));
        await SendAsync(personal);
        await SendAsync(Activities.Message(_fake.ServiceUrl, "posting plan 3/week facebook"));
        await SendAsync(Activities.Message(_fake.ServiceUrl, "posting schedule"));
        await _factory.OutboxDrainedAsync();

        // Both secrets did reach the person, so the outbox had every chance to hold them.
        var secret = _fake.Calls.Select(c => WebhookSecret().Match(c.Body)).First(m => m.Success).Value;
        var feedToken = _fake.Calls.Select(c => FeedToken().Match(c.Body)).First(m => m.Success).Groups[1].Value;
        await using var scope = _factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Database
            .SqlQueryRaw<string>("""SELECT "Message" || ' ' || "Target" AS "Value" FROM outbox""")
            .ToListAsync();
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, row => row.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(stored, row => row.Contains(feedToken, StringComparison.Ordinal));
    }

    private async Task SendAsync(JsonObject activity)
    {
        using var request = Activities.Post(activity, TestTokens.Create(_fake, _fake.ServiceUrl));
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [GeneratedRegex("pbw_[0-9a-f]{48}")]
    private static partial Regex WebhookSecret();

    [GeneratedRegex("posting\\.ics\\?token=([A-Za-z0-9_\\-]{8,})")]
    private static partial Regex FeedToken();
}
