using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Outbox;

// What a send's outcome does to its row (sent, dead, or pending again after a backoff), and writing it down.
public sealed partial class OutboxDeliverer
{
    /// <summary>
    /// Records how the send went. Not cancellable: once a platform has accepted a message, forgetting that would
    /// send it again after the lease runs out.
    /// </summary>
    private async Task<OutboxStatus> RecordAsync(PracticeBotDb db, OutboxMessage row, Claim claim, DeliveryResult result)
    {
        var now = _time.GetUtcNow();
        switch (result.Outcome)
        {
            case DeliveryOutcome.Sent:
                await FinishAsync(db, row.Id, OutboxStatus.Sent, error: null, nextAttemptAt: null, result.Sent, inDoubt: false);
                LogSent(_logger, row.Id, row.Platform, claim.Attempt);
                return OutboxStatus.Sent;

            case DeliveryOutcome.Permanent:
                await FinishAsync(db, row.Id, OutboxStatus.Dead, result.Error ?? "permanent failure", nextAttemptAt: null, sent: null, claim.InDoubt);
                LogDeadLettered(_logger, row.Id, row.Platform, claim.Attempt);
                return OutboxStatus.Dead;

            default:
                var error = result.Error ?? "transient failure";
                var inDoubt = claim.InDoubt || result.MayHaveArrived;
                var age = now - row.CreatedAt;
                if (age >= _options.GiveUpAfter)
                {
                    var reason = $"gave up after {claim.Attempt} attempts over {Describe(age)}: {error}";
                    await FinishAsync(db, row.Id, OutboxStatus.Dead, reason, nextAttemptAt: null, sent: null, inDoubt);
                    LogGaveUp(_logger, row.Id, row.Platform, claim.Attempt, age);
                    return OutboxStatus.Dead;
                }

                var delay = RetryDelay(claim.Attempt, result.RetryAfter);
                await FinishAsync(db, row.Id, OutboxStatus.Pending, error, now + delay, sent: null, inDoubt);
                LogRetryScheduled(_logger, row.Id, row.Platform, claim.Attempt, delay);
                return OutboxStatus.Pending;
        }
    }

    private static string Describe(TimeSpan age) =>
        age >= TimeSpan.FromHours(1) ? $"{(int)age.TotalHours} h {age.Minutes} min" : $"{(int)age.TotalMinutes} min {age.Seconds} s";

    /// <summary>
    /// How long to wait before the next attempt: exponential from <see cref="OutboxOptions.BaseDelay"/>, capped at
    /// <see cref="OutboxOptions.MaxDelay"/>, jittered so rows that failed together do not retry together; never
    /// earlier than the platform's Retry-After.
    /// </summary>
    internal TimeSpan RetryDelay(int attempt, TimeSpan? retryAfter)
    {
        var backoff = Backoff.Delay(attempt, _options.BaseDelay, _options.MaxDelay, _jitter());
        var minimum = retryAfter is { } r && r > TimeSpan.Zero ? r : TimeSpan.Zero;
        return backoff > minimum ? backoff : minimum;
    }

    /// <summary>
    /// Writes the outcome, ends the attempt and releases the lease, but only while this worker still holds it. A send
    /// records the platform's reference; any other outcome records its error.
    /// </summary>
    private async Task FinishAsync(
        PracticeBotDb db,
        long id,
        OutboxStatus status,
        string? error,
        DateTimeOffset? nextAttemptAt,
        SentMessageRef? sent,
        bool inDoubt)
    {
        // Only this worker knows how the send went. If the database is briefly gone, keep trying to write it down for
        // as long as the lease would hold the row anyway: otherwise the row waits out its lease, is then looked up as
        // in doubt, and every later message of its conversation waits behind it.
        var giveUpAt = _time.GetUtcNow() + _options.LeaseDuration;
        var wait = _options.BaseDelay > TimeSpan.Zero ? _options.BaseDelay : TimeSpan.FromMilliseconds(100);
        var current = db;
        AsyncServiceScope? retryScope = null;
        try
        {
            while (true)
            {
                try
                {
                    await WriteOutcomeAsync(current, id, status, error, nextAttemptAt, sent, inDoubt);
                    return;
                }
                catch (Exception ex) when (StorageFailure.IsUnavailable(ex) && _time.GetUtcNow() + wait < giveUpAt)
                {
                    LogOutcomeNotRecorded(_logger, id, wait);
                    await Task.Delay(wait, _time, CancellationToken.None);
                    wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
                    if (retryScope is { } previous)
                    {
                        await previous.DisposeAsync();
                    }

                    // The batch's connection may be the one that broke: the next try gets a context of its own.
                    retryScope = _scopes.CreateAsyncScope();
                    current = retryScope.Value.ServiceProvider.GetRequiredService<PracticeBotDb>();
                }
            }
        }
        finally
        {
            if (retryScope is { } last)
            {
                await last.DisposeAsync();
            }
        }
    }

    private async Task WriteOutcomeAsync(
        PracticeBotDb db,
        long id,
        OutboxStatus status,
        string? error,
        DateTimeOffset? nextAttemptAt,
        SentMessageRef? sent,
        bool inDoubt)
    {
        var workerId = _workerId;
        var lastError = error is { Length: > MaxErrorLength } ? error[..MaxErrorLength] : error;
        var now = _time.GetUtcNow();
        var updated = await db.Outbox
            .Where(o => o.Id == id && o.LeaseOwner == workerId)
            .ExecuteUpdateAsync(
                s =>
                {
                    s.SetProperty(o => o.Status, status)
                        .SetProperty(o => o.InDoubt, inDoubt)
                        .SetProperty(o => o.AttemptStartedAt, (DateTimeOffset?)null)
                        .SetProperty(o => o.LeaseOwner, (string?)null)
                        .SetProperty(o => o.LeaseExpiresAt, (DateTimeOffset?)null);
                    if (status == OutboxStatus.Sent)
                    {
                        s.SetProperty(o => o.SentAt, now)
                            .SetProperty(o => o.PlatformChannelId, sent?.ChannelId)
                            .SetProperty(o => o.PlatformMessageId, sent?.MessageId);
                    }
                    else
                    {
                        s.SetProperty(o => o.LastError, lastError);
                    }

                    if (nextAttemptAt is { } next)
                    {
                        s.SetProperty(o => o.NextAttemptAt, next);
                    }
                },
                CancellationToken.None);

        if (updated == 0)
        {
            // Our lease ran out and another worker took the row over; its outcome stands.
            LogLeaseLost(_logger, id, workerId);
        }
    }
}
