using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Inbox;
using PracticeBot.Core.Storage;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Inbox;

public sealed class InboundEventLogTests
{
    [Fact]
    public async Task TryTake_SameEventTwice_TrueThenFalse()
    {
        await using var harness = await CoreHarness.CreateAsync();
        var log = new InboundEventLog(harness.Services.GetRequiredService<IServiceScopeFactory>(), harness.Time);

        Assert.True(await log.TryTakeAsync(Platforms.Slack, "Ev01", CancellationToken.None));
        Assert.False(await log.TryTakeAsync(Platforms.Slack, "Ev01", CancellationToken.None));
        Assert.True(await log.TryTakeAsync(Platforms.Teams, "Ev01", CancellationToken.None));
    }

    [Fact]
    public async Task TryTake_InsertFailsForAnotherReason_ThrowsInsteadOfCallingItADuplicate()
    {
        // Arrange
        await using var harness = await CoreHarness.CreateAsync();
        await RefuseInsertsAsync(harness);
        var log = new InboundEventLog(harness.Services.GetRequiredService<IServiceScopeFactory>(), harness.Time);

        // Act and assert: a delivery the bot could not record is not acknowledged as one it already handled.
        await Assert.ThrowsAsync<DbUpdateException>(() => log.TryTakeAsync(Platforms.Slack, "Ev02", CancellationToken.None));
    }

    [Fact]
    public async Task TryTake_ManyAtOnceWithRedeliveriesAmongThem_EachIdTakenExactlyOnce()
    {
        // Arrange: 40 deliveries at the same moment (committed in batches), every id twice, and one taken before.
        await using var harness = await CoreHarness.CreateAsync();
        var log = new InboundEventLog(harness.Services.GetRequiredService<IServiceScopeFactory>(), harness.Time);
        Assert.True(await log.TryTakeAsync(Platforms.Teams, "a:1|act-0", CancellationToken.None));
        var ids = Enumerable.Range(0, 20).SelectMany(i => new[] { $"a:1|act-{i}", $"a:1|act-{i}" }).ToList();

        // Act
        var taken = await Task.WhenAll(ids.Select(id => Task.Run(() => log.TryTakeAsync(Platforms.Teams, id, CancellationToken.None))));

        // Assert: act-0 was taken already; every other id exactly once; all of them are in the log.
        var byId = ids.Zip(taken).GroupBy(p => p.First).ToDictionary(g => g.Key, g => g.Count(p => p.Second));
        Assert.Equal(0, byId["a:1|act-0"]);
        Assert.All(byId.Where(p => p.Key != "a:1|act-0"), p => Assert.Equal(1, p.Value));
        await using var db = harness.OpenDb();
        Assert.Equal(20, await db.InboundEvents.CountAsync());
    }

    [Fact]
    public async Task TryTake_ManyAtOnceWhileInsertsFail_EveryCallerGetsTheFailure()
    {
        // Arrange
        await using var harness = await CoreHarness.CreateAsync();
        await RefuseInsertsAsync(harness);
        var log = new InboundEventLog(harness.Services.GetRequiredService<IServiceScopeFactory>(), harness.Time);

        // Act
        var calls = Enumerable.Range(0, 20).Select(i => Task.Run(() => log.TryTakeAsync(Platforms.Slack, $"Ev{i}", CancellationToken.None))).ToList();

        // Assert: none is acknowledged as a duplicate, and the log still works once the database takes rows again.
        foreach (var call in calls)
        {
            await Assert.ThrowsAsync<DbUpdateException>(() => call);
        }

        await using (var db = harness.OpenDb())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse_inbound;");
        }

        Assert.True(await log.TryTakeAsync(Platforms.Slack, "Ev0", CancellationToken.None));
    }

    /// <summary>The database refuses every new row, as a full disk or a lost connection would; reads still work.</summary>
    private static async Task RefuseInsertsAsync(CoreHarness harness)
    {
        await using var db = harness.OpenDb();
        await db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER refuse_inbound BEFORE INSERT ON inbound_events BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;");
    }
}
