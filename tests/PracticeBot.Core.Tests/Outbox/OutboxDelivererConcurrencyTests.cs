using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Core.Tests.Outbox;

public sealed class OutboxDelivererConcurrencyTests : OutboxTestContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DeliverDue_TwoWorkersRacingOnTheSameRows_SendEachRowExactlyOnce()
    {
        // Arrange: one slow platform shared by two workers, each with its own contexts and connections
        Options.BatchSize = 7;
        var sender = new ScriptedSender(async (d, _, ct) =>
        {
            await Task.Delay(Random.Shared.Next(0, 3), ct);
            return ScriptedSender.Accept(d);
        });
        var a = Deliverer(sender, "worker-a");
        var b = Deliverer(sender, "worker-b");
        var handled = new Dictionary<string, int> { ["a"] = 0, ["b"] = 0 };
        var ids = new List<long>();

        for (var round = 0; round < 5; round++)
        {
            ids.AddRange(Database.EnqueueMany(Time, 40));

            // Act
            var results = await Task.WhenAll(Task.Run(() => DrainAsync(a)), Task.Run(() => DrainAsync(b)));
            handled["a"] += results[0];
            handled["b"] += results[1];
        }

        // Assert
        Assert.All(ids, id => Assert.Equal(1, sender.SendsOf(id)));
        Assert.Equal(ids.Count, sender.Calls.Count);
        Assert.Equal(ids.Count, handled["a"] + handled["b"]);
        Assert.All(Database.All(), row =>
        {
            Assert.Equal(OutboxStatus.Sent, row.Status);
            Assert.Equal(1, row.Attempts);
            Assert.Null(row.LeaseOwner);
        });
    }

    [Fact]
    public async Task DeliverDue_CandidatesSentByAnotherWorkerMeanwhile_AreNotSentAgain()
    {
        // Arrange: worker A reads the whole batch (ten conversations), then stalls on its first send while B delivers the rest
        var ids = Enumerable.Range(1, 10)
            .Select(i => Database.Enqueue(Time, OutboundMessage.Plain($"message {i}"), MessageTarget.Channel(OutboxTestDatabase.Channel with { ChannelId = $"C{i}" })))
            .ToList();
        var aStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aRelease = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aSender = new ScriptedSender(async (d, _, _) =>
        {
            aStarted.TrySetResult();
            await aRelease.Task;
            return ScriptedSender.Accept(d);
        });
        var bSender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));
        var a = Deliverer(aSender, "worker-a");
        var b = Deliverer(bSender, "worker-b");

        // Act
        var aRun = Task.Run(() => a.DeliverDueAsync(CancellationToken.None));
        await aStarted.Task.WaitAsync(Patience);
        var bHandled = await b.DeliverDueAsync(CancellationToken.None);
        aRelease.SetResult();
        var aHandled = await aRun.WaitAsync(Patience);

        // Assert
        Assert.Equal(1, aHandled);
        Assert.Equal(9, bHandled);
        Assert.Equal([ids[0]], aSender.Calls.Select(c => c.OutboxId));
        Assert.Equal(ids.Skip(1), bSender.Calls.Select(c => c.OutboxId));
        Assert.All(Database.All(), row => Assert.Equal(OutboxStatus.Sent, row.Status));
    }

    [Fact]
    public async Task DeliverDue_LeaseOfDeadWorkerExpired_AnotherWorkerTakesOver()
    {
        // Arrange: a worker claimed the row and died without releasing it
        var id = Database.Enqueue(Time, OutboundMessage.Plain("new review"));
        Database.Update(id, o =>
        {
            o.LeaseOwner = "worker-that-died";
            o.LeaseExpiresAt = Start + Options.LeaseDuration;
        });
        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));
        var deliverer = Deliverer(sender, "worker-b");

        // Act
        var whileLeased = await deliverer.DeliverDueAsync(CancellationToken.None);
        Time.Advance(Options.LeaseDuration);
        var atExpiry = await deliverer.DeliverDueAsync(CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(1));
        var afterExpiry = await deliverer.DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(0, whileLeased);
        Assert.Equal(0, atExpiry);
        Assert.Equal(1, afterExpiry);
        Assert.Equal(1, sender.SendsOf(id));
        var row = Database.Get(id);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Null(row.LeaseOwner);
    }

    [Fact]
    public async Task DeliverDue_StalledWorkerLostItsLease_ItsLateOutcomeIsIgnored()
    {
        // Arrange: A stalls past its lease, B takes the row over and sends it, then A's send finally returns
        var id = Database.Enqueue(Time, OutboundMessage.Plain("new review"));
        var aStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aRelease = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aSender = new ScriptedSender(async (_, _, _) =>
        {
            aStarted.TrySetResult();
            await aRelease.Task;
            return DeliveryResult.GiveUp("channel_not_found");
        });
        var bSender = new ScriptedSender((_, _) => DeliveryResult.Delivered("C1", "from-b"));
        var a = Deliverer(aSender, "worker-a");
        var b = Deliverer(bSender, "worker-b");

        // Act
        var aRun = Task.Run(() => a.DeliverDueAsync(CancellationToken.None));
        await aStarted.Task.WaitAsync(Patience);
        Assert.Equal("worker-a", Database.Get(id).LeaseOwner);
        Time.Advance(Options.LeaseDuration + TimeSpan.FromSeconds(1));
        var bHandled = await b.DeliverDueAsync(CancellationToken.None);
        aRelease.SetResult();
        await aRun.WaitAsync(Patience);

        // Assert
        Assert.Equal(1, bHandled);
        var row = Database.Get(id);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal("from-b", row.PlatformMessageId);
        Assert.Null(row.LastError);
        Assert.Contains(Logger.Lines, line => line.Contains("worker-a lost its lease", StringComparison.Ordinal));
    }

    private static async Task<int> DrainAsync(OutboxDeliverer deliverer)
    {
        var total = 0;
        int handled;
        do
        {
            handled = await deliverer.DeliverDueAsync(CancellationToken.None);
            total += handled;
        }
        while (handled > 0);

        return total;
    }
}
