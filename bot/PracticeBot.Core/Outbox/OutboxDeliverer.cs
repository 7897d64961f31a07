using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Storage;
using PracticeBot.Core.Telemetry;

namespace PracticeBot.Core.Outbox;

/// <summary>
/// Sends due outbox rows, one batch per call. Several deliverers (threads, instances) may run against the same
/// database: a row is claimed with a conditional update before it is sent, so only one of them ever sends it,
/// on SQLite and PostgreSQL alike. Message content is never logged: review text may be in it.
/// </summary>
/// <remarks>
/// <para>
/// Order: a row is only sent once every earlier row of its conversation (<see cref="OutboxMessage.ConversationKey"/>)
/// is sent or dead, so a conversation whose messages fail waits, in order, while the others go on. Each batch starts
/// from the oldest due row of each conversation, decided in SQL, and when one is sent the next of that conversation
/// follows in the same batch, round by round, so a busy conversation drains at the platform's pace without holding
/// back the rest.
/// </para>
/// <para>
/// Crashes: the attempt is counted, and its start written, when the row is claimed. A claim that finds the previous
/// attempt's start still there knows that attempt never finished (the process died or the lease ran out): the row is
/// in doubt, and the sender looks it up on the platform before sending it again; after
/// <see cref="OutboxOptions.MaxUnfinishedAttempts"/> of those it is dead-lettered, so a message that kills the process
/// cannot do it forever. Transient failures are retried with backoff until the row is
/// <see cref="OutboxOptions.GiveUpAfter"/> old, however many attempts that takes.
/// </para>
/// </remarks>
public sealed partial class OutboxDeliverer
{
    /// <summary>The longest <see cref="OutboxMessage.LastError"/> the table holds.</summary>
    internal const int MaxErrorLength = 1000;

    /// <summary>The longest <see cref="OutboxMessage.LeaseOwner"/> the table holds.</summary>
    internal const int MaxWorkerIdLength = 100;

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
    /// it expires; the next attempt then treats it as in doubt and looks it up on the platform before sending.
    /// </param>
    /// <returns>How many rows this deliverer claimed and dealt with (sent, rescheduled or dead-lettered), at most a batch.</returns>
    public async Task<int> DeliverDueAsync(CancellationToken stopping, CancellationToken aborted)
    {
        if (stopping.IsCancellationRequested)
        {
            return 0;
        }

        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        // One connection for the whole batch: a row costs several short statements, each would otherwise take one.
        await db.Database.OpenConnectionAsync(aborted);

        var now = _time.GetUtcNow();
        var heads = await db.Outbox
            .AsNoTracking()
            .Where(o => o.Status == OutboxStatus.Pending
                && o.NextAttemptAt <= now
                && (o.LeaseExpiresAt == null || o.LeaseExpiresAt < now)
                && !db.Outbox.Any(e => e.ConversationKey == o.ConversationKey && e.Status == OutboxStatus.Pending && e.Id < o.Id))
            .OrderBy(o => o.Id)
            .Take(_options.BatchSize)
            .ToListAsync(aborted);

        // Round by round: each conversation's head, then the next row of each conversation whose head went out. The
        // rows behind a head are read once, when it is done, and taken one by one while each before them goes out.
        var queue = new Queue<(OutboxMessage Row, Queue<OutboxMessage>? Behind)>(heads.Select(h => (h, (Queue<OutboxMessage>?)null)));
        var handled = 0;
        while (handled < _options.BatchSize && queue.TryDequeue(out var item))
        {
            if (stopping.IsCancellationRequested)
            {
                break;
            }

            var row = item.Row;
            if (await TryClaimAsync(db, row, aborted) is not { } claim)
            {
                LogClaimLost(_logger, row.Id, _workerId);
                continue;
            }

            var status = await DeliverTracedAsync(db, row, claim, aborted);
            handled++;
            if (status == OutboxStatus.Pending)
            {
                continue; // its conversation waits for it
            }

            var behind = item.Behind ?? await RowsBehindAsync(db, row, _options.BatchSize - handled, aborted);
            if (behind.TryDequeue(out var next) && IsFree(next))
            {
                queue.Enqueue((next, behind));
            }
        }

        return handled;
    }

    /// <summary>The pending rows after <paramref name="row"/> in its conversation, in order.</summary>
    /// <summary>One attempt, as a span in the trace of the turn that wrote the row, counted by its outcome.</summary>
    private async Task<OutboxStatus> DeliverTracedAsync(PracticeBotDb db, OutboxMessage row, Claim claim, CancellationToken cancellationToken)
    {
        using var span = PracticeBotTelemetry.StartLinked("outbox deliver", ActivityKind.Producer, row.TraceParent);
        span?.SetTag("practicebot.platform", row.Platform);
        span?.SetTag("practicebot.attempt", claim.Attempt);
        var status = OutboxStatus.Pending;
        try
        {
            status = await DeliverAsync(db, row, claim, cancellationToken);
            return status;
        }
        finally
        {
            var outcome = status switch { OutboxStatus.Sent => "sent", OutboxStatus.Dead => "dead", _ => "retry" };
            span?.SetTag("practicebot.outcome", outcome);
            PracticeBotTelemetry.RecordDelivery(row.Platform, outcome);
        }
    }

    private static async Task<Queue<OutboxMessage>> RowsBehindAsync(PracticeBotDb db, OutboxMessage row, int count, CancellationToken cancellationToken)
    {
        var (id, key) = (row.Id, row.ConversationKey);
        var behind = await db.Outbox
            .AsNoTracking()
            .Where(o => o.ConversationKey == key && o.Status == OutboxStatus.Pending && o.Id > id)
            .OrderBy(o => o.Id)
            .Take(Math.Max(1, count))
            .ToListAsync(cancellationToken);
        return new Queue<OutboxMessage>(behind);
    }

    /// <summary>Due and unleased now: the next row of a conversation may still be waiting for its retry, or be taken.</summary>
    private bool IsFree(OutboxMessage row)
    {
        var now = _time.GetUtcNow();
        return row.NextAttemptAt <= now && (row.LeaseExpiresAt is null || row.LeaseExpiresAt < now);
    }

    /// <summary>
    /// Takes the row only if it is still exactly as it was read: pending, due, unleased (or the lease ran out), not
    /// attempted since and held by the same worker as then. Two workers racing for it both run this update; the
    /// database lets exactly one of them match. The attempt is counted here, before anything is sent.
    /// </summary>
    private async Task<Claim?> TryClaimAsync(PracticeBotDb db, OutboxMessage row, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var leaseExpiresAt = now + _options.LeaseDuration;
        var (id, attempts, owner) = (row.Id, row.Attempts, row.LeaseOwner);
        var unfinished = row.AttemptStartedAt is not null;
        var claim = new Claim(
            attempts + 1,
            row.UnfinishedAttempts + (unfinished ? 1 : 0),
            row.InDoubt || unfinished,
            row.FirstAttemptAt ?? now);
        var claimed = await db.Outbox
            .Where(o => o.Id == id
                && o.Status == OutboxStatus.Pending
                && o.Attempts == attempts
                && o.LeaseOwner == owner
                && o.NextAttemptAt <= now
                && (o.LeaseExpiresAt == null || o.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(o => o.LeaseOwner, _workerId)
                    .SetProperty(o => o.LeaseExpiresAt, leaseExpiresAt)
                    .SetProperty(o => o.Attempts, claim.Attempt)
                    .SetProperty(o => o.UnfinishedAttempts, claim.Unfinished)
                    .SetProperty(o => o.InDoubt, claim.InDoubt)
                    .SetProperty(o => o.FirstAttemptAt, claim.FirstAttemptAt)
                    .SetProperty(o => o.AttemptStartedAt, now),
                cancellationToken);
        return claimed == 1 ? claim : null;
    }

    /// <returns>The row's status afterwards: sent, dead, or pending again for a retry.</returns>
    private async Task<OutboxStatus> DeliverAsync(PracticeBotDb db, OutboxMessage row, Claim claim, CancellationToken cancellationToken)
    {
        if (claim.Unfinished >= _options.MaxUnfinishedAttempts)
        {
            var reason = $"{claim.Unfinished} attempts ended without an outcome (the process died or lost its lease while sending): "
                + $"not tried again; it may or may not have reached {row.Platform}";
            await FinishAsync(db, row.Id, OutboxStatus.Dead, reason, nextAttemptAt: null, sent: null, inDoubt: true);
            LogCrashLoop(_logger, row.Id, row.Platform, claim.Unfinished);
            return OutboxStatus.Dead;
        }

        if (!_senders.TryGetValue(row.Platform, out var sender))
        {
            await FinishAsync(db, row.Id, OutboxStatus.Dead, $"no sender for platform {row.Platform}", nextAttemptAt: null, sent: null, claim.InDoubt);
            LogDeadLettered(_logger, row.Id, row.Platform, claim.Attempt);
            return OutboxStatus.Dead;
        }

        var replace = row.Message.ReplacesCard && !string.IsNullOrEmpty(row.CardKey)
            ? await FindEarlierCardAsync(db, row, cancellationToken)
            : null;
        if (claim.InDoubt)
        {
            LogInDoubt(_logger, row.Id, row.Platform, claim.Attempt);
        }

        DeliveryResult result;
        try
        {
            var delivery = new OutboundDelivery(row.Id, row.Target, row.Message, replace, claim.InDoubt ? claim.FirstAttemptAt : null);
            result = await sender.SendAsync(delivery, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Only the type: an exception's message may quote the request, and with it review text. Nobody knows how
            // far the send got, so the next attempt looks first.
            LogSenderFailed(_logger, row.Id, row.Platform, claim.Attempt, ex.GetType().Name);
            result = DeliveryResult.TryLater(ex.GetType().Name, mayHaveArrived: true);
        }

        return await RecordAsync(db, row, claim, result);
    }

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
    /// Finds where an update of a card goes: the latest earlier message of that card in the same place that was sent.
    /// Earlier messages of the same place are in the same conversation, so none of them is still pending here: the
    /// conversation's order made the update wait for them.
    /// </summary>
    private static async Task<SentMessageRef?> FindEarlierCardAsync(PracticeBotDb db, OutboxMessage row, CancellationToken cancellationToken)
    {
        var (id, practiceId, cardKey, platform) = (row.Id, row.PracticeId, row.CardKey, row.Platform);
        var earlier = await db.Outbox
            .AsNoTracking()
            .Where(o => o.Id < id
                && o.PracticeId == practiceId
                && o.CardKey == cardKey
                && o.Platform == platform
                && o.Status == OutboxStatus.Sent
                && o.PlatformMessageId != null)
            .OrderByDescending(o => o.Id)
            .Select(o => new { o.Target, o.PlatformChannelId, o.PlatformMessageId })
            .ToListAsync(cancellationToken);

        // The target lives in a JSON column, so "the same place" is decided here rather than in SQL.
        var sent = earlier.FirstOrDefault(o => SamePlace(o.Target, row.Target) && !string.IsNullOrEmpty(o.PlatformMessageId));
        return sent is null ? null : new SentMessageRef(sent.PlatformChannelId ?? "", sent.PlatformMessageId!);
    }

    /// <summary>Direct messages share an empty channel id until the platform opens one: they also match by user.</summary>
    private static bool SamePlace(MessageTarget earlier, MessageTarget update) =>
        string.Equals(earlier.Conversation.ChannelId, update.Conversation.ChannelId, StringComparison.Ordinal)
        && (update.Visibility != MessageVisibility.Direct || string.Equals(earlier.UserId, update.UserId, StringComparison.Ordinal));

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

    /// <summary>What a claim wrote: this attempt's number, the unfinished attempts before it, whether it is in doubt.</summary>
    private sealed record Claim(int Attempt, int Unfinished, bool InDoubt, DateTimeOffset FirstAttemptAt);
}
