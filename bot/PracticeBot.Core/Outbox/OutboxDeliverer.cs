using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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

    /// <summary>What a claim wrote: this attempt's number, the unfinished attempts before it, whether it is in doubt.</summary>
    private sealed record Claim(int Attempt, int Unfinished, bool InDoubt, DateTimeOffset FirstAttemptAt);
}
