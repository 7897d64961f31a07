using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Storage;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Storage;

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
        // Arrange: the database refuses every new row, as a full disk or a lost connection would; reads still work.
        await using var harness = await CoreHarness.CreateAsync();
        await using (var db = harness.OpenDb())
        {
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER refuse_inbound BEFORE INSERT ON inbound_events BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;");
        }

        var log = new InboundEventLog(harness.Services.GetRequiredService<IServiceScopeFactory>(), harness.Time);

        // Act and assert: a delivery the bot could not record is not acknowledged as one it already handled.
        await Assert.ThrowsAsync<DbUpdateException>(() => log.TryTakeAsync(Platforms.Slack, "Ev02", CancellationToken.None));
    }
}
