using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Outbox;

/// <summary>
/// Sends due outbox rows, one batch per call. Several deliverers (threads, instances) may run against the same
/// database: a row is claimed with a conditional update before it is sent, so only one of them ever sends it,
/// on SQLite and PostgreSQL alike. Message content is never logged: review text may be in it.
/// </summary>
public sealed partial class OutboxDeliverer
{
    /// <summary>The longest <see cref="OutboxMessage.LastError"/> the table holds.</summary>
    internal const int MaxErrorLength = 1000;

    /// <summary>The longest <see cref="OutboxMessage.LeaseOwner"/> the table holds.</summary>
    internal const int MaxWorkerIdLength = 100;

    internal const string WaitingForEarlierCard = "waiting for an earlier message of the same card";

    private readonly IServiceScopeFactory _scopes;
    private readonly Dictionary<string, IPlatformSender> _senders;
    private readonly TimeProvider _time;
    private readonly OutboxOptions _options;
    private readonly ILogger<OutboxDeliverer> _logger;
    private readonly string _workerId;
    private readonly Func<double> _jitter;

    /// <param name="scopes">Each batch resolves its own <see cref="PracticeBotDb"/> from a new scope.</param>
    /// <param name="workerId">Who holds the leases this deliverer takes; unique per running deliverer.</param>
    /// <param name="jitter">A sample in [0, 1] that spreads retries; <see cref="Random.Shared"/> when null.</param>
    public OutboxDeliverer(
        IServiceScopeFactory scopes,
        IEnumerable<IPlatformSender> senders,
        TimeProvider time,
        IOptions<OutboxOptions> options,
        ILogger<OutboxDeliverer> logger,
        string workerId,
        Func<double>? jitter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        if (workerId.Length > MaxWorkerIdLength)
        {
            throw new ArgumentException($"A worker id has at most {MaxWorkerIdLength} characters.", nameof(workerId));
        }

        _senders = new Dictionary<string, IPlatformSender>(StringComparer.OrdinalIgnoreCase);
        foreach (var sender in senders)
        {
            if (!_senders.TryAdd(sender.Platform, sender))
            {
                throw new ArgumentException($"Two platform senders are registered for platform '{sender.Platform}'.", nameof(senders));
            }
        }

        _scopes = scopes;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _workerId = workerId;
        _jitter = jitter ?? Random.Shared.NextDouble;
    }

    public string WorkerId => _workerId;

    /// <summary>A worker id that is unique across machines, processes and deliverers.</summary>
    public static string NewWorkerId()
    {
        var suffix = $"/{Environment.ProcessId}/{Guid.NewGuid():N}";
        var machine = Environment.MachineName;
        return machine[..Math.Min(machine.Length, MaxWorkerIdLength - suffix.Length)] + suffix;
    }

    /// <summary>Delivers one batch of due rows.</summary>
    /// <returns>How many rows this deliverer claimed and dealt with (sent, rescheduled or dead-lettered).</returns>
    public Task<int> DeliverDueAsync(CancellationToken cancellationToken) => DeliverDueAsync(cancellationToken, cancellationToken);

    /// <summary>Delivers one batch of due rows, stopping early without abandoning a send in progress.</summary>
    /// <param name="stopping">Once cancelled, no further row is claimed; the batch returns after the current row.</param>
    /// <param name="aborted">
    /// Cancels the send in progress and the database work around it. A row abandoned this way keeps its lease until
    /// it expires, then another worker sends it: nobody can tell whether the platform got it.
    /// </param>
    /// <returns>How many rows this deliverer claimed and dealt with (sent, rescheduled or dead-lettered).</returns>
    public async Task<int> DeliverDueAsync(CancellationToken stopping, CancellationToken aborted)
    {
        if (stopping.IsCancellationRequested)
        {
            return 0;
        }

        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();

        var now = _time.GetUtcNow();
        var candidates = await db.Outbox
            .AsNoTracking()
            .Where(o => o.Status == OutboxStatus.Pending
                && o.NextAttemptAt <= now
                && (o.LeaseExpiresAt == null || o.LeaseExpiresAt < now))
            .OrderBy(o => o.Id)
            .Take(_options.BatchSize)
            .ToListAsync(aborted);

        var handled = 0;
        foreach (var row in candidates)
        {
            if (stopping.IsCancellationRequested)
            {
                break;
            }

            if (!await TryClaimAsync(db, row, aborted))
            {
                LogClaimLost(_logger, row.Id, _workerId);
                continue;
            }

            await DeliverAsync(db, row, aborted);
            handled++;
        }

        return handled;
    }

    /// <summary>
    /// Takes the row only if it is still exactly as it was read: pending, due, unleased (or the lease ran out) and not
    /// attempted since. Two workers racing for it both run this update; the database lets exactly one of them match.
    /// </summary>
    private async Task<bool> TryClaimAsync(PracticeBotDb db, OutboxMessage row, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var leaseExpiresAt = now + _options.LeaseDuration;
        var (id, attempts) = (row.Id, row.Attempts);
        var claimed = await db.Outbox
            .Where(o => o.Id == id
                && o.Status == OutboxStatus.Pending
                && o.Attempts == attempts
                && o.NextAttemptAt <= now
                && (o.LeaseExpiresAt == null || o.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(o => o.LeaseOwner, _workerId).SetProperty(o => o.LeaseExpiresAt, leaseExpiresAt),
                cancellationToken);
        return claimed == 1;
    }

    private async Task DeliverAsync(PracticeBotDb db, OutboxMessage row, CancellationToken cancellationToken)
    {
        if (!_senders.TryGetValue(row.Platform, out var sender))
        {
            var reason = $"no sender for platform {row.Platform}";
            await FinishAsync(db, row.Id, OutboxStatus.Dead, row.Attempts, reason, nextAttemptAt: null, sent: null);
            LogDeadLettered(_logger, row.Id, row.Platform, row.Attempts);
            return;
        }

        SentMessageRef? replace = null;
        if (row.Message.ReplacesCard && !string.IsNullOrEmpty(row.CardKey))
        {
            var earlier = await FindEarlierCardAsync(db, row, cancellationToken);
            if (earlier.Waiting)
            {
                await PostponeAsync(db, row);
                return;
            }

            replace = earlier.Sent;
        }

        var attempt = row.Attempts + 1;
        DeliveryResult result;
        try
        {
            result = await sender.SendAsync(new OutboundDelivery(row.Id, row.Target, row.Message, replace), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Only the type: an exception's message may quote the request, and with it review text.
            LogSenderFailed(_logger, row.Id, row.Platform, attempt, ex.GetType().Name);
            result = DeliveryResult.TryLater(ex.GetType().Name);
        }

        await RecordAsync(db, row, attempt, result);
    }

    /// <summary>
    /// Records how the send went. Not cancellable: once a platform has accepted a message, forgetting that would
    /// send it again after the lease runs out.
    /// </summary>
    private async Task RecordAsync(PracticeBotDb db, OutboxMessage row, int attempt, DeliveryResult result)
    {
        var now = _time.GetUtcNow();
        switch (result.Outcome)
        {
            case DeliveryOutcome.Sent:
                await FinishAsync(db, row.Id, OutboxStatus.Sent, attempt, error: null, nextAttemptAt: null, result.Sent);
                LogSent(_logger, row.Id, row.Platform, attempt);
                break;

            case DeliveryOutcome.Permanent:
                await FinishAsync(db, row.Id, OutboxStatus.Dead, attempt, result.Error ?? "permanent failure", nextAttemptAt: null, sent: null);
                LogDeadLettered(_logger, row.Id, row.Platform, attempt);
                break;

            default:
                var error = result.Error ?? "transient failure";
                if (attempt >= _options.MaxAttempts)
                {
                    await FinishAsync(db, row.Id, OutboxStatus.Dead, attempt, $"gave up after {attempt} attempts: {error}", nextAttemptAt: null, sent: null);
                    LogGaveUp(_logger, row.Id, row.Platform, attempt);
                }
                else
                {
                    var delay = RetryDelay(attempt, result.RetryAfter);
                    await FinishAsync(db, row.Id, OutboxStatus.Pending, attempt, error, now + delay, sent: null);
                    LogRetryScheduled(_logger, row.Id, row.Platform, attempt, delay);
                }

                break;
        }
    }

    /// <summary>
    /// How long to wait before the next attempt: exponential from <see cref="OutboxOptions.BaseDelay"/>, capped at
    /// <see cref="OutboxOptions.MaxDelay"/>, jittered so rows that failed together do not retry together; never
    /// earlier than the platform's Retry-After.
    /// </summary>
    internal TimeSpan RetryDelay(int attempt, TimeSpan? retryAfter)
    {
        var exponential = _options.BaseDelay.Ticks * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, _options.MaxDelay.Ticks);
        var factor = 0.5 + (0.5 * Math.Clamp(_jitter(), 0, 1));
        var backoff = TimeSpan.FromTicks((long)(capped * factor));
        var minimum = retryAfter is { } r && r > TimeSpan.Zero ? r : TimeSpan.Zero;
        return backoff > minimum ? backoff : minimum;
    }

    /// <summary>
    /// Finds where an update of a card goes: the latest earlier message of that card in the same place. While an
    /// earlier message of the card is still waiting to go out, the update waits too, so it never overtakes the
    /// post it updates (nor an earlier update, which would then overwrite it with older content).
    /// </summary>
    private static async Task<(bool Waiting, SentMessageRef? Sent)> FindEarlierCardAsync(PracticeBotDb db, OutboxMessage row, CancellationToken cancellationToken)
    {
        var (id, practiceId, cardKey, platform) = (row.Id, row.PracticeId, row.CardKey, row.Platform);
        var earlier = await db.Outbox
            .AsNoTracking()
            .Where(o => o.Id < id
                && o.PracticeId == practiceId
                && o.CardKey == cardKey
                && o.Platform == platform
                && (o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sent))
            .OrderByDescending(o => o.Id)
            .Select(o => new { o.Status, o.Target, o.PlatformChannelId, o.PlatformMessageId })
            .ToListAsync(cancellationToken);

        // The target lives in a JSON column, so "the same place" is decided here rather than in SQL.
        var samePlace = earlier.Where(o => SamePlace(o.Target, row.Target)).ToList();
        if (samePlace.Any(o => o.Status == OutboxStatus.Pending))
        {
            return (true, null);
        }

        var sent = samePlace.FirstOrDefault(o => !string.IsNullOrEmpty(o.PlatformMessageId));
        return (false, sent is null ? null : new SentMessageRef(sent.PlatformChannelId ?? "", sent.PlatformMessageId!));
    }

    /// <summary>Direct messages share an empty channel id until the platform opens one: they also match by user.</summary>
    private static bool SamePlace(MessageTarget earlier, MessageTarget update) =>
        string.Equals(earlier.Conversation.ChannelId, update.Conversation.ChannelId, StringComparison.Ordinal)
        && (update.Visibility != MessageVisibility.Direct || string.Equals(earlier.UserId, update.UserId, StringComparison.Ordinal));

    /// <summary>Waiting for an earlier message is not an attempt: it is rescheduled shortly without counting.</summary>
    private async Task PostponeAsync(PracticeBotDb db, OutboxMessage row)
    {
        var delay = _options.BaseDelay;
        await FinishAsync(db, row.Id, OutboxStatus.Pending, row.Attempts, WaitingForEarlierCard, _time.GetUtcNow() + delay, sent: null);
        LogPostponed(_logger, row.Id, row.Platform, delay);
    }

    /// <summary>
    /// Writes the outcome and releases the lease, but only while this worker still holds it. A send records the
    /// platform's reference; any other outcome records its error.
    /// </summary>
    private async Task FinishAsync(
        PracticeBotDb db,
        long id,
        OutboxStatus status,
        int attempts,
        string? error,
        DateTimeOffset? nextAttemptAt,
        SentMessageRef? sent)
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
                        .SetProperty(o => o.Attempts, attempts)
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
