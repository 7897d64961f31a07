using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Inbox;

/// <summary>
/// Claims due inbox rows and has their platform's <see cref="IInboxHandler"/> handle them. Several processors
/// (instances) may run against one database: a row is claimed with a conditional update, as the outbox does, so only
/// one of them holds it at a time; a row whose holder died is taken over once its lease runs out.
/// </summary>
/// <remarks>
/// Exactly once: the turn marks its row done in its own transaction (<see cref="InboxDelivery.Complete"/>), and only
/// while this processor still holds it. A crash before that commit leaves the row pending, the turn's changes rolled
/// back; a crash after it leaves the row done. Transient failures are retried with backoff; after
/// <see cref="InboxOptions.MaxAttempts"/> attempts (crashes included) the row is dead-lettered. Payloads are never
/// logged: they may quote people.
/// </remarks>
public sealed partial class InboxProcessor
{
    /// <summary>The longest <see cref="InboxMessage.LastError"/> the table holds.</summary>
    internal const int MaxErrorLength = 1000;

    private readonly IServiceScopeFactory _scopes;
    private readonly Dictionary<string, IInboxHandler> _handlers;
    private readonly TimeProvider _time;
    private readonly InboxOptions _options;
    private readonly ILogger<InboxProcessor> _logger;
    private readonly Func<double> _jitter;

    /// <param name="workerId">Who holds the leases this processor takes; unique per running processor.</param>
    /// <param name="jitter">A sample in [0, 1] that spreads retries; <see cref="Random.Shared"/> when null.</param>
    public InboxProcessor(
        IServiceScopeFactory scopes,
        IEnumerable<IInboxHandler> handlers,
        TimeProvider time,
        IOptions<InboxOptions> options,
        ILogger<InboxProcessor> logger,
        string workerId,
        Func<double>? jitter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        _handlers = new Dictionary<string, IInboxHandler>(StringComparer.OrdinalIgnoreCase);
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.Platform, handler))
            {
                throw new ArgumentException($"Two inbox handlers are registered for platform '{handler.Platform}'.", nameof(handlers));
            }
        }

        _scopes = scopes;
        _time = time;
        _options = options.Value;
        _logger = logger;
        WorkerId = workerId;
        _jitter = jitter ?? Random.Shared.NextDouble;
    }

    public string WorkerId { get; }

    /// <summary>Claims and handles due rows one after the other, up to a batch (tests, and tools that drain the inbox).</summary>
    /// <returns>How many rows were claimed and handled.</returns>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var claims = await ClaimDueAsync(_options.BatchSize, cancellationToken);
        foreach (var claim in claims)
        {
            await HandleAsync(claim, cancellationToken);
        }

        return claims.Count;
    }

    /// <summary>Claims up to <paramref name="max"/> due rows, oldest first: pending, due, and unleased or with an expired lease.</summary>
    public async Task<IReadOnlyList<InboxClaim>> ClaimDueAsync(int max, CancellationToken cancellationToken)
    {
        if (max < 1)
        {
            return [];
        }

        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var now = _time.GetUtcNow();
        var due = await db.Inbox
            .AsNoTracking()
            .Where(m => m.Status == InboxStatus.Pending && m.NextAttemptAt <= now && (m.LeaseExpiresAt == null || m.LeaseExpiresAt < now))
            .OrderBy(m => m.Id)
            .Take(max)
            .Select(m => new { m.Id, m.Attempts, m.LeaseOwner })
            .ToListAsync(cancellationToken);

        var claims = new List<InboxClaim>(due.Count);
        foreach (var row in due)
        {
            var (id, attempts, owner) = (row.Id, row.Attempts, row.LeaseOwner);
            var leaseExpiresAt = now + _options.LeaseDuration;
            // Two processors racing for a row both run this update; the database lets exactly one of them match.
            var claimed = await db.Inbox
                .Where(m => m.Id == id
                    && m.Status == InboxStatus.Pending
                    && m.Attempts == attempts
                    && m.LeaseOwner == owner
                    && m.NextAttemptAt <= now
                    && (m.LeaseExpiresAt == null || m.LeaseExpiresAt < now))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.LeaseOwner, WorkerId)
                        .SetProperty(m => m.LeaseExpiresAt, leaseExpiresAt)
                        .SetProperty(m => m.Attempts, attempts + 1),
                    cancellationToken);
            if (claimed == 1)
            {
                claims.Add(new InboxClaim(id, attempts + 1, TakenOver: owner is not null));
            }
            else
            {
                LogClaimLost(_logger, id, WorkerId);
            }
        }

        return claims;
    }

    /// <summary>Handles one claimed row and records the outcome. Never throws but for <paramref name="cancellationToken"/>.</summary>
    public async Task HandleAsync(InboxClaim claim, CancellationToken cancellationToken)
    {
        var id = claim.Id;
        if (claim.TakenOver)
        {
            LogTakenOver(_logger, id, claim.Attempt);
        }

        InboxMessage? row;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
            row = await db.Inbox.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        }

        if (row is null)
        {
            return;
        }

        await RunAsync(row, claim, handler: null, cancellationToken);
    }

    /// <summary>
    /// A new row leased to this processor for its first attempt, for a writer that handles it at once itself
    /// (<see cref="HandleLeasedAsync"/>): no worker claims it while the lease lasts; should this process die, any
    /// worker takes it over once the lease runs out, as it would a row whose worker died.
    /// </summary>
    public InboxMessage Leased(InboxMessage row)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.LeaseOwner = WorkerId;
        row.LeaseExpiresAt = _time.GetUtcNow() + _options.LeaseDuration;
        row.Attempts = 1;
        return row;
    }

    /// <summary>
    /// Handles a row written by <see cref="Leased"/> (and committed) with <paramref name="handle"/> instead of its
    /// platform's handler, and records the outcome as for any row: a retry or a takeover goes to the platform's handler.
    /// Never throws but for <paramref name="cancellationToken"/> (the row is then given back).
    /// </summary>
    public Task HandleLeasedAsync(InboxMessage row, Func<InboxDelivery, CancellationToken, Task<InboxResult>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(handle);
        return RunAsync(row, new InboxClaim(row.Id, row.Attempts, TakenOver: false), handle, cancellationToken);
    }

    /// <param name="handler">What handles the row; the platform's <see cref="IInboxHandler"/> when null.</param>
    private async Task RunAsync(InboxMessage row, InboxClaim claim, Func<InboxDelivery, CancellationToken, Task<InboxResult>>? handler, CancellationToken cancellationToken)
    {
        var id = row.Id;
        if (claim.Attempt > _options.MaxAttempts)
        {
            // Only attempts that never recorded an outcome get here (a failure on the last one dead-letters it).
            await FinishAsync(id, InboxStatus.Dead, $"{claim.Attempt - 1} attempts ended without an outcome (the process died or lost its lease while handling it)", null);
            LogDeadLettered(_logger, id, row.Platform, claim.Attempt);
            return;
        }

        if (handler is null && _handlers.TryGetValue(row.Platform, out var platformHandler))
        {
            handler = platformHandler.HandleAsync;
        }

        if (handler is null)
        {
            await FinishAsync(id, InboxStatus.Dead, $"no inbox handler for platform {row.Platform}", null);
            LogDeadLettered(_logger, id, row.Platform, claim.Attempt);
            return;
        }

        var lastAttempt = claim.Attempt >= _options.MaxAttempts;
        InboxResult result;
        try
        {
            result = await handler(new InboxDelivery(id, row.Payload, claim.Attempt, lastAttempt, Complete(id)), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(id);
            throw;
        }
        catch (Exception ex)
        {
            // The type only: a message may quote the payload.
            LogHandlerFailed(_logger, ex, id, row.Platform, claim.Attempt);
            result = InboxResult.TryLater(ex.GetType().Name);
        }

        await RecordAsync(row, claim, lastAttempt, result);
    }

    /// <summary>
    /// What the turn adds to its transaction: this row done, its payload cleared and the lease given back, only if
    /// this processor still holds it (the lease owner is the row's concurrency token: a lost lease fails the save).
    /// </summary>
    private Func<TurnContext, CancellationToken, Task> Complete(long id) => (turn, _) =>
    {
        var db = turn.Services.GetRequiredService<PracticeBotDb>();
        var row = new InboxMessage { Id = id, Platform = "", DedupKey = "", Payload = "", LeaseOwner = WorkerId };
        db.Inbox.Attach(row);
        row.Status = InboxStatus.Done;
        row.FinishedAt = _time.GetUtcNow();
        row.LeaseOwner = null;
        var entry = db.Entry(row);
        entry.Property(m => m.Payload).IsModified = true;
        entry.Property(m => m.LeaseExpiresAt).IsModified = true;
        return Task.CompletedTask;
    };

    private async Task RecordAsync(InboxMessage row, InboxClaim claim, bool lastAttempt, InboxResult result)
    {
        switch (result.Outcome)
        {
            case InboxOutcome.Done:
                // Usually the turn marked it already (then this matches nothing); a row with no turn to run is marked here.
                await FinishAsync(row.Id, InboxStatus.Done, null, null);
                return;

            case InboxOutcome.Failed:
                if (await FinishAsync(row.Id, InboxStatus.Dead, result.Error ?? "failed", null))
                {
                    // A Warning: the cause (a payload it cannot read, or a turn whose failure is logged) is not a new error.
                    LogGivenUp(_logger, row.Id, row.Platform, claim.Attempt);
                }

                return;

            default:
                var error = result.Error ?? "transient failure";
                if (lastAttempt)
                {
                    if (await FinishAsync(row.Id, InboxStatus.Dead, $"gave up after {claim.Attempt} attempts: {error}", null))
                    {
                        LogDeadLettered(_logger, row.Id, row.Platform, claim.Attempt);
                    }

                    return;
                }

                var delay = Backoff.Delay(claim.Attempt, _options.BaseDelay, _options.MaxDelay, _jitter());
                if (await FinishAsync(row.Id, InboxStatus.Pending, error, _time.GetUtcNow() + delay))
                {
                    LogRetryScheduled(_logger, row.Id, row.Platform, claim.Attempt, delay);
                }

                return;
        }
    }

    /// <summary>Writes an outcome and gives the lease back, only while this processor holds the row.</summary>
    /// <returns>False when it no longer held it (another worker took it over, or its turn marked it done).</returns>
    private async Task<bool> FinishAsync(long id, InboxStatus status, string? error, DateTimeOffset? nextAttemptAt)
    {
        var workerId = WorkerId;
        var lastError = error is { Length: > MaxErrorLength } ? error[..MaxErrorLength] : error;
        var now = _time.GetUtcNow();
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
            return await db.Inbox
                .Where(m => m.Id == id && m.LeaseOwner == workerId && m.Status == InboxStatus.Pending)
                .ExecuteUpdateAsync(
                    s =>
                    {
                        s.SetProperty(m => m.Status, status)
                            .SetProperty(m => m.LeaseOwner, (string?)null)
                            .SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null)
                            .SetProperty(m => m.LastError, lastError);
                        if (status != InboxStatus.Pending)
                        {
                            s.SetProperty(m => m.FinishedAt, now);
                        }

                        if (status == InboxStatus.Done)
                        {
                            s.SetProperty(m => m.Payload, "");
                        }

                        if (nextAttemptAt is { } next)
                        {
                            s.SetProperty(m => m.NextAttemptAt, next);
                        }
                    },
                    CancellationToken.None) == 1;
        }
        catch (Exception ex) when (StorageFailure.IsUnavailable(ex))
        {
            // The row keeps its lease until it runs out; then it is claimed again, and its turn (if it committed) has
            // already marked it done, so nothing runs twice.
            LogOutcomeNotRecorded(_logger, id, ex.GetType().Name);
            return false;
        }
    }

    /// <summary>On shutdown: gives an unfinished row back at once, so the next start (or another instance) need not wait out its lease.</summary>
    private async Task ReleaseAsync(long id)
    {
        var workerId = WorkerId;
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
            await db.Inbox
                .Where(m => m.Id == id && m.LeaseOwner == workerId && m.Status == InboxStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
        }
        catch (Exception ex) when (StorageFailure.IsUnavailable(ex))
        {
            LogOutcomeNotRecorded(_logger, id, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Inbox row {InboxId} was taken by another worker before {WorkerId} could claim it")]
    private static partial void LogClaimLost(ILogger logger, long inboxId, string workerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox row {InboxId}: an earlier attempt did not finish (its worker stopped or lost its lease); handling it again (attempt {Attempt})")]
    private static partial void LogTakenOver(ILogger logger, long inboxId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox row {InboxId} on {Platform}: the handler threw (attempt {Attempt})")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, long inboxId, string platform, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox row {InboxId} on {Platform} failed transiently (attempt {Attempt}); retrying in {Delay}")]
    private static partial void LogRetryScheduled(ILogger logger, long inboxId, string platform, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox row {InboxId} on {Platform} dead-lettered (attempt {Attempt}); see its last_error")]
    private static partial void LogDeadLettered(ILogger logger, long inboxId, string platform, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox row {InboxId} on {Platform} not handled (attempt {Attempt}): its handler gave up on it; see its last_error")]
    private static partial void LogGivenUp(ILogger logger, long inboxId, string platform, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox row {InboxId}: the database is unavailable ({ExceptionType}), so its outcome is not recorded; it is claimed again when its lease runs out")]
    private static partial void LogOutcomeNotRecorded(ILogger logger, long inboxId, string exceptionType);
}
