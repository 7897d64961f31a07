using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Core.Tests.Outbox;

public sealed class OutboxDelivererTests : OutboxTestContext
{
    [Fact]
    public async Task DeliverDue_PendingRow_SendsOnceAndStoresPlatformRef()
    {
        // Arrange
        var id = Database.Enqueue(Time, OutboundMessage.Plain("New 2-star review on Google"));
        var sender = new ScriptedSender((d, _) => DeliveryResult.Delivered("C1", "1732111111.000100"));
        var deliverer = Deliverer(sender);

        // Act
        var first = await deliverer.DeliverDueAsync(CancellationToken.None);
        var second = await deliverer.DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(1, first);
        Assert.Equal(0, second);
        var call = Assert.Single(sender.Calls);
        Assert.Equal(id, call.OutboxId);
        Assert.Null(call.Replace);
        var row = Database.Get(id);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal("C1", row.PlatformChannelId);
        Assert.Equal("1732111111.000100", row.PlatformMessageId);
        Assert.Equal(Start, row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.LeaseOwner);
        Assert.Null(row.LeaseExpiresAt);
    }

    [Fact]
    public async Task DeliverDue_RowNotYetDue_IsNotSent()
    {
        // Arrange
        var id = Database.Enqueue(Time, OutboundMessage.Plain("later"));
        Database.Update(id, o => o.NextAttemptAt = Start.AddSeconds(5));
        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));

        // Act
        var handled = await Deliverer(sender).DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(0, handled);
        Assert.Empty(sender.Calls);
        Assert.Equal(OutboxStatus.Pending, Database.Get(id).Status);
    }

    [Fact]
    public async Task DeliverDue_TransientErrors_RetriesWithGrowingBackoffAndDeliversWhenDue()
    {
        // Arrange: three failures, then success; a jitter sample of 0.5 makes the factor 0.75.
        Options.BaseDelay = TimeSpan.FromSeconds(2);
        var id = Database.Enqueue(Time, OutboundMessage.Plain("reminder"));
        var sender = new ScriptedSender((d, call) => call <= 3 ? DeliveryResult.TryLater("server_error") : ScriptedSender.Accept(d));
        var deliverer = Deliverer(sender, jitter: () => 0.5);
        TimeSpan[] expected = [TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6)];

        foreach (var (delay, attempt) in expected.Select((d, i) => (d, i + 1)))
        {
            // Act: the attempt fails
            await deliverer.DeliverDueAsync(CancellationToken.None);

            // Assert: rescheduled exactly one backoff later, and not sent a moment before that
            var row = Database.Get(id);
            Assert.Equal(OutboxStatus.Pending, row.Status);
            Assert.Equal(attempt, row.Attempts);
            Assert.Equal("server_error", row.LastError);
            Assert.Equal(Time.GetUtcNow() + delay, row.NextAttemptAt);
            Assert.Null(row.LeaseOwner);

            Time.Advance(delay - TimeSpan.FromTicks(1));
            Assert.Equal(0, await deliverer.DeliverDueAsync(CancellationToken.None));
            Assert.Equal(attempt, sender.SendsOf(id));
            Time.Advance(TimeSpan.FromTicks(1));
        }

        // Act: the fourth attempt succeeds
        var handled = await deliverer.DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(1, handled);
        Assert.Equal(4, sender.SendsOf(id));
        var sent = Database.Get(id);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(4, sent.Attempts);
        Assert.Equal(0, await deliverer.DeliverDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DeliverDue_ManyTransientErrors_BackoffIsCappedAtMaxDelay()
    {
        // Arrange
        Options.BaseDelay = TimeSpan.FromSeconds(2);
        Options.MaxDelay = TimeSpan.FromSeconds(10);
        var id = Database.Enqueue(Time, OutboundMessage.Plain("reminder"));
        var sender = new ScriptedSender((_, _) => DeliveryResult.TryLater("timeout"));
        var deliverer = Deliverer(sender);
        var delays = new List<TimeSpan>();

        // Act
        for (var i = 0; i < 5; i++)
        {
            await deliverer.DeliverDueAsync(CancellationToken.None);
            var next = Database.Get(id).NextAttemptAt;
            delays.Add(next - Time.GetUtcNow());
            Time.SetUtcNow(next);
        }

        // Assert: 2, 4, 8, then capped at 10
        Assert.Equal([2, 4, 8, 10, 10], delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task DeliverDue_RetryAfterTwoSeconds_WaitsExactlyThatLongAndDeliversOnce()
    {
        // Arrange: the backoff alone would retry sooner than the platform asked
        Options.BaseDelay = TimeSpan.FromMilliseconds(100);
        var id = Database.Enqueue(Time, OutboundMessage.Plain("digest"));
        var sender = new ScriptedSender((d, call) => call == 1
            ? DeliveryResult.TryLater("rate_limited", TimeSpan.FromSeconds(2))
            : ScriptedSender.Accept(d));
        var deliverer = Deliverer(sender);

        // Act
        await deliverer.DeliverDueAsync(CancellationToken.None);
        var afterLimit = Database.Get(id);
        Time.Advance(TimeSpan.FromSeconds(1));
        var afterOneSecond = await deliverer.DeliverDueAsync(CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(1));
        var afterTwoSeconds = await deliverer.DeliverDueAsync(CancellationToken.None);
        var afterThat = await deliverer.DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(Start.AddSeconds(2), afterLimit.NextAttemptAt);
        Assert.Equal("rate_limited", afterLimit.LastError);
        Assert.Equal(0, afterOneSecond);
        Assert.Equal(1, afterTwoSeconds);
        Assert.Equal(0, afterThat);
        Assert.Equal(2, sender.SendsOf(id));
        Assert.Equal(OutboxStatus.Sent, Database.Get(id).Status);
    }

    [Fact]
    public async Task DeliverDue_RetryAfterShorterThanBackoff_WaitsForBackoff()
    {
        // Arrange
        Options.BaseDelay = TimeSpan.FromSeconds(8);
        var id = Database.Enqueue(Time, OutboundMessage.Plain("digest"));
        var sender = new ScriptedSender((_, _) => DeliveryResult.TryLater("rate_limited", TimeSpan.FromSeconds(1)));

        // Act
        await Deliverer(sender).DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(Start.AddSeconds(8), Database.Get(id).NextAttemptAt);
    }

    [Fact]
    public async Task DeliverDue_PermanentError_DeadLettersWithReasonAndNeverRetries()
    {
        // Arrange
        var id = Database.Enqueue(Time, OutboundMessage.Plain("new review"));
        var sender = new ScriptedSender((_, _) => DeliveryResult.GiveUp("channel_not_found"));
        var deliverer = Deliverer(sender);

        // Act
        var handled = await deliverer.DeliverDueAsync(CancellationToken.None);
        Time.Advance(TimeSpan.FromHours(1));
        var later = await deliverer.DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(1, handled);
        Assert.Equal(0, later);
        Assert.Equal(1, sender.SendsOf(id));
        var row = Database.Get(id);
        Assert.Equal(OutboxStatus.Dead, row.Status);
        Assert.Equal("channel_not_found", row.LastError);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.LeaseOwner);
        Assert.Null(row.SentAt);
    }

    [Fact]
    public async Task DeliverDue_TransientErrorsPastGiveUpAfter_DeadLettersWithGaveUpReason()
    {
        // Arrange: far more failures than the old attempt limit of 10, all inside the give-up age
        Options.GiveUpAfter = TimeSpan.FromHours(2);
        var id = Database.Enqueue(Time, OutboundMessage.Plain("reminder"));
        var sender = new ScriptedSender((_, _) => DeliveryResult.TryLater("rate_limited"));
        var deliverer = Deliverer(sender);

        // Act
        while (Time.GetUtcNow() - Start < TimeSpan.FromHours(3))
        {
            await deliverer.DeliverDueAsync(CancellationToken.None);
            Time.Advance(TimeSpan.FromMinutes(1));
        }

        // Assert: retried every MaxDelay (10 min) until the row was two hours old, then given up once
        var row = Database.Get(id);
        Assert.Equal(OutboxStatus.Dead, row.Status);
        Assert.True(sender.SendsOf(id) > 10, $"only {sender.SendsOf(id)} attempts");
        Assert.Equal(sender.SendsOf(id), row.Attempts);
        Assert.StartsWith($"gave up after {row.Attempts} attempts over 2 h", row.LastError, StringComparison.Ordinal);
        Assert.EndsWith(": rate_limited", row.LastError, StringComparison.Ordinal);
        Assert.Equal(0, row.UnfinishedAttempts);
    }

    [Fact]
    public async Task DeliverDue_NoSenderForPlatform_DeadLetters()
    {
        // Arrange
        var teams = MessageTarget.Channel(new ConversationReference(Platforms.Teams, "tenant", "19:abc@thread.tacv2"));
        var id = Database.Enqueue(Time, OutboundMessage.Plain("hello"), teams);
        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d), Platforms.Slack);

        // Act
        var handled = await Deliverer(sender).DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(1, handled);
        Assert.Empty(sender.Calls);
        var row = Database.Get(id);
        Assert.Equal(OutboxStatus.Dead, row.Status);
        Assert.Equal("no sender for platform teams", row.LastError);
    }

    [Fact]
    public async Task DeliverDue_PlatformCaseDiffers_FindsSender()
    {
        // Arrange
        var id = Database.Enqueue(Time, OutboundMessage.Plain("hello"));
        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d), "LOCAL");

        // Act
        await Deliverer(sender).DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(OutboxStatus.Sent, Database.Get(id).Status);
    }

    [Fact]
    public async Task DeliverDue_SenderThrows_TreatedAsTransientAndDeliveredLater()
    {
        // Arrange: the exception quotes the message, as a careless HTTP client might
        var id = Database.Enqueue(Time, OutboundMessage.Plain("Dr. Smith ignored my knee pain"));
        var sender = new ScriptedSender((d, call) => call == 1
            ? throw new InvalidOperationException("POST failed: Dr. Smith ignored my knee pain")
            : ScriptedSender.Accept(d));
        var deliverer = Deliverer(sender);

        // Act
        var handled = await deliverer.DeliverDueAsync(CancellationToken.None);
        var afterFailure = Database.Get(id);
        Time.Advance(Options.BaseDelay);
        await deliverer.DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(1, handled);
        Assert.Equal(OutboxStatus.Pending, afterFailure.Status);
        Assert.Equal(1, afterFailure.Attempts);
        Assert.Equal(nameof(InvalidOperationException), afterFailure.LastError);
        Assert.Null(afterFailure.LeaseOwner);
        Assert.Equal(OutboxStatus.Sent, Database.Get(id).Status);
        Assert.Equal(2, sender.SendsOf(id));
        Assert.DoesNotContain(Logger.Lines, line => line.Contains("knee", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeliverDue_LongError_IsTruncatedToTheColumn()
    {
        // Arrange
        var id = Database.Enqueue(Time, OutboundMessage.Plain("hello"));
        var sender = new ScriptedSender((_, _) => DeliveryResult.GiveUp(new string('x', 5000)));

        // Act
        await Deliverer(sender).DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(1000, Database.Get(id).LastError!.Length);
    }

    [Fact]
    public async Task DeliverDue_BatchSize_LimitsRowsPerCallInIdOrder()
    {
        // Arrange
        Options.BatchSize = 3;
        var ids = Database.EnqueueMany(Time, 5);
        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));
        var deliverer = Deliverer(sender);

        // Act
        var first = await deliverer.DeliverDueAsync(CancellationToken.None);
        var second = await deliverer.DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(3, first);
        Assert.Equal(2, second);
        Assert.Equal(ids, sender.Calls.Select(c => c.OutboxId));
    }

    [Fact]
    public async Task DeliverDue_StoppingBeforeStart_ClaimsNothing()
    {
        // Arrange
        var id = Database.Enqueue(Time, OutboundMessage.Plain("hello"));
        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        // Act
        var handled = await Deliverer(sender).DeliverDueAsync(stopping.Token, CancellationToken.None);

        // Assert
        Assert.Equal(0, handled);
        Assert.Null(Database.Get(id).LeaseOwner);
    }
}
