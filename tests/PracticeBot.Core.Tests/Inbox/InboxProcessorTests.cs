using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Inbox;
using PracticeBot.Core.Storage;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Inbox;

/// <summary>The inbox worker's engine over the real core: claims, leases, retries, and exactly-once turns.</summary>
public sealed class InboxProcessorTests
{
    private static readonly InboxOptions Options = new()
    {
        LeaseDuration = TimeSpan.FromSeconds(30),
        BaseDelay = TimeSpan.FromSeconds(2),
        MaxDelay = TimeSpan.FromSeconds(60),
        MaxAttempts = 3,
    };

    [Fact]
    public async Task ProcessDue_WorkerDiedHoldingTheRow_TakenOverAfterTheLeaseAndTheTurnCommittedOnce()
    {
        // Arrange: worker A claims the row and stops there, as a process killed after the ack would.
        await using var harness = await CoreHarness.CreateAsync();
        var handler = new SetupHandler(harness);
        var a = Processor(harness, handler, "worker-a");
        var b = Processor(harness, handler, "worker-b");
        var id = await AddRowAsync(harness, "Ev-crash");
        var claimedByA = Assert.Single(await a.ClaimDueAsync(10, CancellationToken.None));

        // Act: B finds it leased, then takes it over once the lease has run out; A then wakes up and tries to finish.
        var whileLeased = await b.ProcessDueAsync(CancellationToken.None);
        harness.Time.Advance(Options.LeaseDuration + TimeSpan.FromSeconds(1));
        var afterLease = await b.ProcessDueAsync(CancellationToken.None);
        await a.HandleAsync(claimedByA, CancellationToken.None);

        // Assert: handled by B; A's late turn could not mark the row done (its lease is gone), so it was rolled back.
        Assert.Equal((0, 1), (whileLeased, afterLease));
        Assert.Equal(2, handler.Calls);
        Assert.Equal([null, TurnFailure.Error], handler.Failures);
        await using var db = harness.OpenDb();
        var row = await db.Inbox.SingleAsync(m => m.Id == id);
        Assert.Equal((InboxStatus.Done, 2, ""), (row.Status, row.Attempts, row.Payload));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "practice.setup"));
        Assert.Equal(1, await db.Practices.CountAsync());
    }

    [Fact]
    public async Task ProcessDue_TransientFailure_RetriedAfterTheBackoffThenDone()
    {
        // Arrange
        await using var harness = await CoreHarness.CreateAsync();
        var handler = new SetupHandler(harness) { TransientFailures = 1 };
        var processor = Processor(harness, handler, "worker");
        var id = await AddRowAsync(harness, "Ev-transient");

        // Act
        var first = await processor.ProcessDueAsync(CancellationToken.None);
        var beforeBackoff = await processor.ProcessDueAsync(CancellationToken.None);
        await using (var db = harness.OpenDb())
        {
            var waiting = await db.Inbox.SingleAsync(m => m.Id == id);
            Assert.Equal((InboxStatus.Pending, "database unavailable", (string?)null), (waiting.Status, waiting.LastError, waiting.LeaseOwner));
        }

        harness.Time.Advance(Options.BaseDelay);
        var afterBackoff = await processor.ProcessDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal((1, 0, 1), (first, beforeBackoff, afterBackoff));
        await using var after = harness.OpenDb();
        Assert.Equal((InboxStatus.Done, 2), await after.Inbox.Where(m => m.Id == id).Select(m => ValueTuple.Create(m.Status, m.Attempts)).SingleAsync());
        Assert.Equal(1, await after.Practices.CountAsync());
    }

    [Fact]
    public async Task ProcessDue_FailsEveryTime_DeadLetteredAfterMaxAttempts()
    {
        // Arrange
        await using var harness = await CoreHarness.CreateAsync();
        var handler = new SetupHandler(harness) { TransientFailures = int.MaxValue };
        var processor = Processor(harness, handler, "worker");
        var id = await AddRowAsync(harness, "Ev-dead");

        // Act
        for (var i = 0; i < Options.MaxAttempts + 2; i++)
        {
            await processor.ProcessDueAsync(CancellationToken.None);
            harness.Time.Advance(Options.MaxDelay);
        }

        // Assert
        Assert.Equal(Options.MaxAttempts, handler.Calls);
        await using var db = harness.OpenDb();
        var row = await db.Inbox.SingleAsync(m => m.Id == id);
        Assert.Equal(InboxStatus.Dead, row.Status);
        Assert.StartsWith($"gave up after {Options.MaxAttempts} attempts", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessDue_HandlerThrows_RetriedAndTheTurnNotCommitted()
    {
        // Arrange
        await using var harness = await CoreHarness.CreateAsync();
        var handler = new SetupHandler(harness) { ThrowsFirst = true };
        var processor = Processor(harness, handler, "worker");
        var id = await AddRowAsync(harness, "Ev-throws");

        // Act
        await processor.ProcessDueAsync(CancellationToken.None);
        harness.Time.Advance(Options.BaseDelay);
        await processor.ProcessDueAsync(CancellationToken.None);

        // Assert
        await using var db = harness.OpenDb();
        var row = await db.Inbox.SingleAsync(m => m.Id == id);
        Assert.Equal((InboxStatus.Done, 2, "InvalidOperationException"), (row.Status, row.Attempts, row.LastError));
        Assert.Equal(1, await db.Practices.CountAsync());
    }

    [Fact]
    public async Task HandleLeased_WriterHandlesItsOwnRow_NoWorkerClaimsItAndItsTurnCommitsOnce()
    {
        // Arrange: a row written leased to its writer (a slash command run inline), and another instance's worker.
        await using var harness = await CoreHarness.CreateAsync();
        var handler = new SetupHandler(harness);
        var writer = Processor(harness, handler, "writer");
        var worker = Processor(harness, handler, "worker");
        var row = await AddRowAsync(harness, "command:inline", writer);

        // Act
        var claimedWhileLeased = await worker.ProcessDueAsync(CancellationToken.None);
        await writer.HandleLeasedAsync(row, handler.HandleAsync, CancellationToken.None);
        harness.Time.Advance(Options.LeaseDuration + TimeSpan.FromSeconds(1));
        var claimedAfterTheLease = await worker.ProcessDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal((0, 0), (claimedWhileLeased, claimedAfterTheLease));
        Assert.Equal(1, handler.Calls);
        await using var db = harness.OpenDb();
        var stored = await db.Inbox.SingleAsync(m => m.Id == row.Id);
        Assert.Equal((InboxStatus.Done, 1, "", (string?)null), (stored.Status, stored.Attempts, stored.Payload, stored.LeaseOwner));
        Assert.Equal(1, await db.Practices.CountAsync());
    }

    [Fact]
    public async Task HandleLeased_WriterDiesBeforeItsTurnCommits_TakenOverByAWorkerAfterTheLease()
    {
        // Arrange: the writer leased the row and died before handling it.
        await using var harness = await CoreHarness.CreateAsync();
        var handler = new SetupHandler(harness);
        var writer = Processor(harness, handler, "writer");
        var worker = Processor(harness, handler, "worker");
        var row = await AddRowAsync(harness, "command:crashed", writer);

        // Act
        var claimedWhileLeased = await worker.ProcessDueAsync(CancellationToken.None);
        harness.Time.Advance(Options.LeaseDuration + TimeSpan.FromSeconds(1));
        var claimedAfterTheLease = await worker.ProcessDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal((0, 1), (claimedWhileLeased, claimedAfterTheLease));
        Assert.Equal(1, handler.Calls);
        await using var db = harness.OpenDb();
        Assert.Equal((InboxStatus.Done, 2), await db.Inbox.Where(m => m.Id == row.Id).Select(m => ValueTuple.Create(m.Status, m.Attempts)).SingleAsync());
        Assert.Equal(1, await db.Practices.CountAsync());
    }

    private static InboxProcessor Processor(CoreHarness harness, IInboxHandler handler, string workerId) => new(
        harness.Services.GetRequiredService<IServiceScopeFactory>(),
        [handler],
        harness.Time,
        Microsoft.Extensions.Options.Options.Create(Options),
        NullLogger<InboxProcessor>.Instance,
        workerId,
        jitter: () => 0.99999);

    private static async Task<long> AddRowAsync(CoreHarness harness, string key) => (await AddRowAsync(harness, key, leasedTo: null)).Id;

    /// <param name="leasedTo">The processor whose writer leases the new row to itself, as an inline command does.</param>
    private static async Task<InboxMessage> AddRowAsync(CoreHarness harness, string key, InboxProcessor? leasedTo)
    {
        var log = new InboundEventLog(harness.Services.GetRequiredService<IServiceScopeFactory>(), harness.Time);
        var now = harness.Time.GetUtcNow();
        var row = new InboxMessage { Platform = Platforms.Slack, DedupKey = key, Payload = "{\"kind\":\"test\"}", CreatedAt = now, NextAttemptAt = now };
        row = leasedTo?.Leased(row) ?? row;
        Assert.True(await log.TryTakeAsync(Platforms.Slack, key, row, CancellationToken.None));
        return row;
    }

    /// <summary>Runs a mutating turn (<c>practice setup</c>) with the row's completion, as an adapter's handler does.</summary>
    private sealed class SetupHandler(CoreHarness harness) : IInboxHandler
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<TurnFailure?> _failures = new();
        private int _calls;

        /// <summary>How each turn that ran ended: null when it committed.</summary>
        public IReadOnlyList<TurnFailure?> Failures => [.. _failures];

        public int TransientFailures { get; init; }

        public bool ThrowsFirst { get; init; }

        public int Calls => _calls;

        public string Platform => Platforms.Slack;

        public async Task<InboxResult> HandleAsync(InboxDelivery delivery, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls);
            if (call <= TransientFailures)
            {
                return InboxResult.TryLater("database unavailable");
            }

            if (ThrowsFirst && call == 1)
            {
                throw new InvalidOperationException("boom");
            }

            var setup = new CommandReceived(new ConversationReference(Platforms.Slack, "T1", "C1"), new ChatUser("U1"), "practice", "setup Sunrise America/Chicago");
            var result = await harness.Dispatcher.DispatchAsync(setup, delivery.Complete, cancellationToken);
            _failures.Enqueue(result.Failure);
            return result.Failure is null ? InboxResult.Done : InboxResult.Failed("turn failed");
        }
    }
}
