using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Teams.Tests.Integration;

/// <summary>The Bot Framework connector down (503s) while the outbox fills, then back: everything arrives once, in order.</summary>
#pragma warning disable CA1001 // disposed in DisposeAsync (xunit's IAsyncLifetime)
public sealed class TeamsOutageTests : IAsyncLifetime
{
    private readonly TempDatabaseFile _database = new();
    private BotFrameworkFake _fake = null!;
    private TeamsBotFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _fake = await BotFrameworkFake.StartAsync();
        _factory = new TeamsBotFactory(_fake, _database.Path, settings: new Dictionary<string, string>
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

    [Fact]
    public async Task Outbox_ConnectorDownThenBack_EveryMessageOnceAndInTheOrderWritten()
    {
        var token = TestTokens.Create(_fake, _fake.ServiceUrl);
        using (var added = Activities.Post(Activities.BotAdded(_fake.ServiceUrl), token))
        {
            await _client.SendAsync(added);
        }

        using (var setup = Activities.Post(Activities.Message(_fake.ServiceUrl, "practice setup \"Sunrise Family Medicine\" America/Chicago"), token))
        {
            await _client.SendAsync(setup);
        }

        _fake.Down = true;
        var written = new List<(long Id, string Text)>();
        for (var i = 0; i < 12; i++)
        {
            var text = $"outage message {i:D2}";
            written.Add((await EnqueueAsync(text), text));
            await Task.Delay(100);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        var failed = _fake.Calls.Count(c => !c.Succeeded);
        _fake.Down = false;

        await Eventually.TrueAsync(() => Pending(written.Select(w => w.Id)) == 0, "every row to be sent after the outage", seconds: 30);
        Assert.True(failed >= 3, $"only {failed} connector calls failed during the outage");
        var channelActivities = $"/v3/conversations/{Uri.EscapeDataString(Activities.Channel)}/activities";
        var received = _fake.CallsTo("POST", channelActivities)
            .Where(c => c.Succeeded)
            .Select(c => c.Json?["text"]?.GetValue<string>() ?? "")
            .Where(t => t.StartsWith("outage message", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(written.Select(w => w.Text), received);
    }

    private async Task<long> EnqueueAsync(string text)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var practice = await db.Practices.SingleAsync();
        var row = scope.ServiceProvider.GetRequiredService<OutboxWriter>().Enqueue(practice.Id, MessageTarget.Channel(practice.Channel!), OutboundMessage.Plain(text));
        await db.SaveChangesAsync();
        return row.Id;
    }

    private int Pending(IEnumerable<long> ids)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var list = ids.ToList();
        return db.Outbox.Count(o => list.Contains(o.Id) && o.Status != OutboxStatus.Sent);
    }
}
