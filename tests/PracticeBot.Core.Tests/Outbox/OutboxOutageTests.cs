using System.Collections.Concurrent;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Core.Tests.Outbox;

/// <summary>
/// The platform goes down (503s and timeouts) while messages keep being written, then comes back. The deliverer runs on
/// the fake clock as the worker would (again at once after a full batch, otherwise a poll interval later): nothing may
/// be dead-lettered or lost, and each conversation must receive its messages in the order they were written.
/// </summary>
public sealed class OutboxOutageTests : OutboxTestContext
{
    private const int Conversations = 5;

    [Fact]
    public async Task DeliverDue_PlatformDownTenMinutes_AllDeliveredInOrderPerConversationAfterRecovery()
    {
        // Arrange / Act
        var outage = await RunOutageAsync(TimeSpan.FromMinutes(10), writeEvery: TimeSpan.FromSeconds(30));

        // Assert
        outage.AssertNothingLostAndInOrder();
        Assert.True(outage.LastDeliveryAfterRecovery <= Options.MaxDelay + TimeSpan.FromMinutes(1),
            $"the backlog took {outage.LastDeliveryAfterRecovery} after recovery");
    }

    [Fact]
    public async Task DeliverDue_PlatformDownSixHours_NothingIsDeadLetteredOrLost()
    {
        // Arrange / Act: with the old limit of 10 attempts every early row would have been dead-lettered after ~20 minutes
        var outage = await RunOutageAsync(TimeSpan.FromHours(6), writeEvery: TimeSpan.FromMinutes(10));

        // Assert
        outage.AssertNothingLostAndInOrder();
        Assert.True(outage.MostAttempts > 30, $"the most attempts any row took was {outage.MostAttempts}");
    }

    /// <summary>
    /// Writes 10 messages to each of <see cref="Conversations"/> channels, then one more every <paramref name="writeEvery"/>
    /// of the outage; the platform answers 503 and times out by turns (a timeout "may have arrived", so the row goes in
    /// doubt) until <paramref name="downFor"/> has passed, then accepts everything. Between cycles the clock jumps to
    /// the next moment anything is due (never less than a poll interval): the idle polls in between would find nothing.
    /// </summary>
    private async Task<Outage> RunOutageAsync(TimeSpan downFor, TimeSpan writeEvery)
    {
        var recovery = Start + downFor;
        var targets = Enumerable.Range(1, Conversations)
            .Select(i => MessageTarget.Channel(OutboxTestDatabase.Channel with { ChannelId = $"C{i}" }))
            .ToArray();
        var written = new List<(long Id, string Channel)>();
        void Write(int n)
        {
            var target = targets[n % Conversations];
            written.Add((Database.Enqueue(Time, OutboundMessage.Plain($"message {n}"), target), target.Conversation.ChannelId));
        }

        for (var n = 0; n < 10 * Conversations; n++)
        {
            Write(n);
        }

        var received = new ConcurrentQueue<(long Id, string Channel, DateTimeOffset At)>();
        var failures = 0;
        var sender = new ScriptedSender((d, _) =>
        {
            if (Time.GetUtcNow() < recovery)
            {
                return Interlocked.Increment(ref failures) % 2 == 0
                    ? DeliveryResult.TryLater("http_5xx")
                    : DeliveryResult.TryLater("request_timeout", mayHaveArrived: true);
            }

            received.Enqueue((d.OutboxId, d.Target.Conversation.ChannelId, Time.GetUtcNow()));
            return ScriptedSender.Accept(d);
        });
        var deliverer = Deliverer(sender, jitter: Random.Shared.NextDouble);

        var nextWrite = Start + writeEvery;
        var deadline = recovery + Options.MaxDelay + TimeSpan.FromMinutes(5);
        while (Time.GetUtcNow() < deadline && received.Count < written.Count)
        {
            while (await deliverer.DeliverDueAsync(CancellationToken.None) >= Options.BatchSize)
            {
            }

            // Only the oldest pending row of each conversation can be due: the others wait for it.
            var nextDue = Database.All()
                .Where(r => r.Status == OutboxStatus.Pending)
                .GroupBy(r => r.ConversationKey, (_, rows) => rows.MinBy(r => r.Id)!.NextAttemptAt)
                .DefaultIfEmpty(deadline)
                .Min();
            var next = new[] { nextDue, nextWrite < recovery ? nextWrite : deadline, recovery > Time.GetUtcNow() ? recovery : deadline }.Min();
            Time.SetUtcNow(next > Time.GetUtcNow() + Options.PollInterval ? next : Time.GetUtcNow() + Options.PollInterval);
            if (Time.GetUtcNow() >= nextWrite && Time.GetUtcNow() < recovery)
            {
                Write(written.Count);
                nextWrite += writeEvery;
            }
        }

        return new Outage(written, [.. received], Database.All(), recovery, failures);
    }

    private sealed record Outage(
        List<(long Id, string Channel)> Written,
        List<(long Id, string Channel, DateTimeOffset At)> Received,
        List<OutboxMessage> Rows,
        DateTimeOffset Recovery,
        int Failures)
    {
        public TimeSpan LastDeliveryAfterRecovery => Received.Max(r => r.At) - Recovery;

        public int MostAttempts => Rows.Max(r => r.Attempts);

        public void AssertNothingLostAndInOrder()
        {
            Assert.True(Failures > 0, "the platform never failed");
            Assert.DoesNotContain(Rows, r => r.Status == OutboxStatus.Dead);
            Assert.All(Rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
            Assert.Equal(Written.Select(w => w.Id).Order(), Received.Select(r => r.Id).Order()); // each once, none lost
            foreach (var channel in Written.Select(w => w.Channel).Distinct())
            {
                Assert.Equal(
                    Written.Where(w => w.Channel == channel).Select(w => w.Id),
                    Received.Where(r => r.Channel == channel).Select(r => r.Id));
            }
        }
    }
}
