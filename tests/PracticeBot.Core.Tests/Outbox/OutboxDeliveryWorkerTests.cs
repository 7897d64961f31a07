using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Core.Tests.Outbox;

public sealed class OutboxDeliveryWorkerTests : OutboxTestContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ExecuteAsync_PendingRows_AreDelivered()
    {
        // Arrange
        var ids = Database.EnqueueMany(Time, 3);
        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));
        using var worker = Worker(Deliverer(sender));

        // Act
        await worker.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => ids.All(id => Database.Get(id).Status == OutboxStatus.Sent));
        await worker.StopAsync(CancellationToken.None);

        // Assert
        Assert.All(ids, id => Assert.Equal(1, sender.SendsOf(id)));
    }

    [Fact]
    public async Task Wake_RowWrittenWhileTheWorkerWaits_IsDeliveredWithoutWaitingForThePoll()
    {
        // Arrange: the clock stands still, so the poll interval never passes and only a wake starts another cycle;
        // the reply is in another conversation, so the cycle that sent the first row does not read it as "behind" it.
        Options.BatchSize = 10;
        var first = Database.Enqueue(Time, OutboundMessage.Plain("first"));
        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));
        using var worker = Worker(Deliverer(sender));
        await worker.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => Database.Get(first).Status == OutboxStatus.Sent);
        var other = MessageTarget.Channel(OutboxTestDatabase.Channel with { ChannelId = "C2" });
        var reply = Database.Enqueue(Time, OutboundMessage.Plain("a reply"), other);

        // Act
        worker.Wake();
        await WaitUntilAsync(() => Database.Get(reply).Status == OutboxStatus.Sent);
        await worker.StopAsync(CancellationToken.None);

        // Assert
        Assert.Equal(1, sender.SendsOf(reply));
    }

    [Fact]
    public async Task ExecuteAsync_CycleFails_KeepsRunningAndDeliversLater()
    {
        // Arrange: the database is unreachable for the first cycle
        var id = Database.Enqueue(Time, OutboundMessage.Plain("hello"));
        var real = Database.NewScopeFactory();
        var calls = 0;
        var scopes = new Mock<IServiceScopeFactory>();
        scopes.Setup(s => s.CreateScope()).Returns(() => Interlocked.Increment(ref calls) == 1
            ? throw new InvalidOperationException("database unavailable")
            : real.CreateScope());
        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));
        var deliverer = new OutboxDeliverer(scopes.Object, [sender], Time, Microsoft.Extensions.Options.Options.Create(Options), Logger, "worker-a", () => 1.0);
        using var worker = Worker(deliverer);

        // Act
        await worker.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => Database.Get(id).Status == OutboxStatus.Sent, advanceClock: true);
        await worker.StopAsync(CancellationToken.None);

        // Assert
        Assert.True(calls >= 2);
        Assert.Equal(1, sender.SendsOf(id));
    }

    [Fact]
    public async Task StopAsync_SendInProgress_FinishesItAndClaimsNoMore()
    {
        // Arrange: the first send stalls until the test lets it go
        Options.BatchSize = 10;
        var ids = Database.EnqueueMany(Time, 3);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sender = new ScriptedSender(async (d, _, ct) =>
        {
            started.TrySetResult();
            await release.Task.WaitAsync(ct);
            return ScriptedSender.Accept(d);
        });
        using var worker = Worker(Deliverer(sender));
        await worker.StartAsync(CancellationToken.None);
        await started.Task.WaitAsync(Patience);

        // Act
        var stopping = worker.StopAsync(CancellationToken.None);
        var stoppedBeforeSendFinished = stopping.IsCompleted;
        release.SetResult();
        await stopping.WaitAsync(Patience);

        // Assert
        Assert.False(stoppedBeforeSendFinished);
        Assert.Single(sender.Calls);
        Assert.Equal(OutboxStatus.Sent, Database.Get(ids[0]).Status);
        Assert.All(ids.Skip(1), id => Assert.Equal(OutboxStatus.Pending, Database.Get(id).Status));
        Assert.All(ids.Skip(1), id => Assert.Null(Database.Get(id).LeaseOwner));
    }

    [Fact]
    public async Task StopAsync_ShutdownDeadlinePasses_CancelsTheSendAndKeepsTheRow()
    {
        // Arrange: a send that never finishes on its own
        var id = Database.Enqueue(Time, OutboundMessage.Plain("hello"));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sender = new ScriptedSender(async (d, _, ct) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return ScriptedSender.Accept(d);
        });
        using var worker = Worker(Deliverer(sender));
        await worker.StartAsync(CancellationToken.None);
        await started.Task.WaitAsync(Patience);
        using var deadline = new CancellationTokenSource();

        // Act
        var stopping = worker.StopAsync(deadline.Token);
        await deadline.CancelAsync();
        await stopping.WaitAsync(Patience);

        // Assert: still pending and leased, so another worker sends it once the lease runs out
        var row = Database.Get(id);
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Equal("worker-a", row.LeaseOwner);
    }

    private OutboxDeliveryWorker Worker(OutboxDeliverer deliverer) =>
        new(deliverer, Time, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<OutboxDeliveryWorker>.Instance);

    /// <summary>Real time passes while the worker runs; the fake clock moves only when asked, to release its waits.</summary>
    private async Task WaitUntilAsync(Func<bool> condition, bool advanceClock = false)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < Patience, "The worker did not get there in time.");
            if (advanceClock)
            {
                Time.Advance(TimeSpan.FromSeconds(1));
            }

            await Task.Delay(10);
        }
    }
}
