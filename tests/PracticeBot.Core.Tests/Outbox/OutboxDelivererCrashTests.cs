using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Core.Tests.Outbox;

/// <summary>
/// A worker that dies in the middle of a send leaves the row claimed, its attempt counted and started, and nothing
/// recorded: what a SIGKILL leaves in the table. These tests make that state by abandoning the send (the aborted token)
/// and check what the next worker does with it.
/// </summary>
public sealed class OutboxDelivererCrashTests : OutboxTestContext
{
    [Fact]
    public async Task DeliverDue_SendUnderWay_AttemptIsCountedAndStartedBeforeTheSend()
    {
        // Arrange: the platform looks at the table while the send is in flight
        var id = Database.Enqueue(Time, OutboundMessage.Plain("new review"));
        OutboxMessage? during = null;
        var sender = new ScriptedSender((d, _) =>
        {
            during = Database.Get(d.OutboxId);
            return ScriptedSender.Accept(d);
        });

        // Act
        await Deliverer(sender).DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.NotNull(during);
        Assert.Equal(1, during.Attempts);
        Assert.Equal(Start, during.AttemptStartedAt);
        Assert.Equal(Start, during.FirstAttemptAt);
        Assert.Equal("worker-a", during.LeaseOwner);
        var after = Database.Get(id);
        Assert.Equal(OutboxStatus.Sent, after.Status);
        Assert.Equal(1, after.Attempts);
        Assert.Null(after.AttemptStartedAt);
        Assert.False(after.InDoubt);
    }

    [Fact]
    public async Task DeliverDue_PreviousWorkerDiedMidSend_NextWorkerSendsInDoubtSinceTheFirstAttempt()
    {
        // Arrange
        var id = Database.Enqueue(Time, OutboundMessage.Plain("new review"));
        await DieWhileSendingAsync();
        var died = Database.Get(id);
        Time.Advance(Options.LeaseDuration + TimeSpan.FromSeconds(1));
        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));

        // Act
        var handled = await Deliverer(sender, "worker-b").DeliverDueAsync(CancellationToken.None);

        // Assert: the dead worker's attempt was counted; the next one is told to look before it posts
        Assert.Equal(1, died.Attempts);
        Assert.Equal(Start, died.AttemptStartedAt);
        Assert.Equal(1, handled);
        var call = Assert.Single(sender.Calls);
        Assert.Equal(Start, call.InDoubtSince);
        var row = Database.Get(id);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(1, row.UnfinishedAttempts);
        Assert.False(row.InDoubt);
        Assert.Null(row.AttemptStartedAt);
        Assert.Contains(Logger.Lines, line => line.Contains($"Outbox row {id} on local is in doubt (attempt 2)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeliverDue_MessageThatKillsTheProcessEveryTime_IsDeadLetteredAfterMaxUnfinishedAttempts()
    {
        // Arrange: every worker that picks the row up dies while sending it
        Options.MaxUnfinishedAttempts = 3;
        var id = Database.Enqueue(Time, OutboundMessage.Plain("poison"));
        for (var crash = 0; crash < 3; crash++)
        {
            await DieWhileSendingAsync();
            Time.Advance(Options.LeaseDuration + TimeSpan.FromSeconds(1));
        }

        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));

        // Act
        var handled = await Deliverer(sender, "worker-z").DeliverDueAsync(CancellationToken.None);

        // Assert: three attempts never finished, so the fourth claim gives up without sending
        Assert.Equal(1, handled);
        Assert.Empty(sender.Calls);
        var row = Database.Get(id);
        Assert.Equal(OutboxStatus.Dead, row.Status);
        Assert.Equal(4, row.Attempts);
        Assert.Equal(3, row.UnfinishedAttempts);
        Assert.StartsWith("3 attempts ended without an outcome", row.LastError, StringComparison.Ordinal);
        Assert.Null(row.LeaseOwner);
        Assert.Null(row.AttemptStartedAt);
        Assert.Contains(Logger.Lines, line => line.Contains("crash loop", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeliverDue_UnfinishedAttemptsBelowTheLimit_AreStillSent()
    {
        // Arrange
        Options.MaxUnfinishedAttempts = 3;
        var id = Database.Enqueue(Time, OutboundMessage.Plain("new review"));
        for (var crash = 0; crash < 2; crash++)
        {
            await DieWhileSendingAsync();
            Time.Advance(Options.LeaseDuration + TimeSpan.FromSeconds(1));
        }

        var sender = new ScriptedSender((d, _) => ScriptedSender.Accept(d));

        // Act
        await Deliverer(sender, "worker-b").DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal(Start, Assert.Single(sender.Calls).InDoubtSince);
        Assert.Equal(OutboxStatus.Sent, Database.Get(id).Status);
        Assert.Equal(2, Database.Get(id).UnfinishedAttempts);
    }

    [Fact]
    public async Task DeliverDue_TimeoutThatMayHaveArrived_NextAttemptIsInDoubt()
    {
        // Arrange
        var id = Database.Enqueue(Time, OutboundMessage.Plain("new review"));
        var sender = new ScriptedSender((d, call) => call == 1 ? DeliveryResult.TryLater("request_timeout", mayHaveArrived: true) : ScriptedSender.Accept(d));
        var deliverer = Deliverer(sender);

        // Act
        await deliverer.DeliverDueAsync(CancellationToken.None);
        var afterTimeout = Database.Get(id);
        Time.Advance(Options.BaseDelay);
        await deliverer.DeliverDueAsync(CancellationToken.None);

        // Assert: a recorded timeout is not a crash, but the copy may be on the platform
        Assert.True(afterTimeout.InDoubt);
        Assert.Equal(0, afterTimeout.UnfinishedAttempts);
        Assert.Null(afterTimeout.AttemptStartedAt);
        Assert.Equal([null, Start], sender.Calls.Select(c => c.InDoubtSince));
        Assert.Equal(OutboxStatus.Sent, Database.Get(id).Status);
    }

    [Fact]
    public async Task DeliverDue_CleanTransientFailure_NextAttemptIsNotInDoubt()
    {
        // Arrange: a 503 means the platform did not take the message
        var id = Database.Enqueue(Time, OutboundMessage.Plain("new review"));
        var sender = new ScriptedSender((d, call) => call == 1 ? DeliveryResult.TryLater("http_5xx") : ScriptedSender.Accept(d));
        var deliverer = Deliverer(sender);

        // Act
        await deliverer.DeliverDueAsync(CancellationToken.None);
        Time.Advance(Options.BaseDelay);
        await deliverer.DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal([null, null], sender.Calls.Select(c => c.InDoubtSince));
        Assert.Equal(OutboxStatus.Sent, Database.Get(id).Status);
    }

    [Fact]
    public async Task DeliverDue_SenderThrows_NextAttemptIsInDoubt()
    {
        // Arrange: nobody knows how far a send that threw got
        Database.Enqueue(Time, OutboundMessage.Plain("new review"));
        var sender = new ScriptedSender((d, call) => call == 1 ? throw new InvalidOperationException("boom") : ScriptedSender.Accept(d));
        var deliverer = Deliverer(sender);

        // Act
        await deliverer.DeliverDueAsync(CancellationToken.None);
        Time.Advance(Options.BaseDelay);
        await deliverer.DeliverDueAsync(CancellationToken.None);

        // Assert
        Assert.Equal([null, Start], sender.Calls.Select(c => c.InDoubtSince));
    }

    /// <summary>A worker claims the first due row and dies during its send: nothing after the claim reaches the table.</summary>
    private async Task DieWhileSendingAsync()
    {
        using var death = new CancellationTokenSource();
        var sender = new ScriptedSender(async (_, _, ct) =>
        {
            await death.CancelAsync();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Deliverer(sender, $"doomed-{Guid.NewGuid():N}").DeliverDueAsync(CancellationToken.None, death.Token));
    }
}
