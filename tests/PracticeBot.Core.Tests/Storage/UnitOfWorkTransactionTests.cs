using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Storage;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Storage;

/// <summary>
/// The bot's transactions (<see cref="PracticeBotDb.BeginUnitOfWorkAsync"/>) save without EF Core's automatic savepoint,
/// which nothing rolls back to and which makes SQLite journal every changed page once more; a failure still loses the
/// whole unit.
/// </summary>
public sealed class UnitOfWorkTransactionTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 14, 3, 0, TimeSpan.Zero);

    /// <summary>Counts the savepoints EF Core creates, and can make the next <c>SaveChanges</c>' commands fail.</summary>
    private sealed class Recorder : DbTransactionInterceptor
    {
        public int Savepoints;

        public override ValueTask<InterceptionResult> CreatingSavepointAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Savepoints);
            return base.CreatingSavepointAsync(transaction, eventData, result, cancellationToken);
        }
    }

    private static Task<CoreHarness> HarnessAsync(Recorder recorder) =>
        CoreHarness.CreateAsync(s => s.ConfigureDbContext<PracticeBotDb>(o => o.AddInterceptors(recorder)));

    [Fact]
    public async Task ReviewIntake_SavesItsBatchWithoutASavepoint()
    {
        var recorder = new Recorder();
        await using var bot = await HarnessAsync(recorder);
        var practiceId = await bot.SetUpPracticeAsync();

        var summary = await ReceiveAsync(bot, practiceId,
            new SourcedReview("vitals", "v-1", 2, null, "A", "Waited an hour.", At), new SourcedReview("vitals", "v-2", 5, null, "B", "Lovely.", At));

        Assert.Equal(2, summary!.Created);
        Assert.Equal(0, recorder.Savepoints);
        await using var check = bot.OpenDb();
        Assert.Equal(2, await check.Reviews.CountAsync());
    }

    [Fact]
    public async Task ChatTurnThatWrites_SavesWithoutASavepoint()
    {
        var recorder = new Recorder();
        await using var bot = await HarnessAsync(recorder);

        var result = await bot.CommandAsync("U-owner", "practice setup Sunrise America/Chicago");

        Assert.Contains("Sunrise", CoreHarness.Text(result), StringComparison.Ordinal);
        Assert.Equal(0, recorder.Savepoints);
        await using var check = bot.OpenDb();
        Assert.Equal(1, await check.Practices.CountAsync());
    }

    [Fact]
    public async Task ReviewIntake_SaveFails_NothingOfTheBatchIsStored()
    {
        var recorder = new Recorder();
        await using var bot = await HarnessAsync(recorder);
        var practiceId = await bot.SetUpPracticeAsync();
        int outboxBefore;
        await using (var db = bot.OpenDb())
        {
            outboxBefore = await db.Outbox.CountAsync();
            // A trigger refuses the audit entry the batch writes last, after its reviews, cards and numbers.
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_entries BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        }

        await Assert.ThrowsAsync<DbUpdateException>(() => ReceiveAsync(bot, practiceId, new SourcedReview("vitals", "v-1", 2, null, "A", "Waited an hour.", At)));

        await using var check = bot.OpenDb();
        Assert.Equal(0, await check.Reviews.CountAsync());
        Assert.Equal(outboxBefore, await check.Outbox.CountAsync());
        Assert.Equal(0, (await check.Practices.SingleAsync()).LastReviewNumber);
    }

    private static async Task<IngestionSummary?> ReceiveAsync(CoreHarness bot, long practiceId, params SourcedReview[] reviews)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReviewIntake>()
            .ReceiveAsync(practiceId, reviews, ReviewOrigin.Webhook, surface: true, "webhook", CancellationToken.None);
    }
}
