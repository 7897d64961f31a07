using PracticeBot.Core.Reviews;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PracticeBot.Core.Audit;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews.Sources;

/// <summary>
/// A poll trigger fired for one source and practice: fetch what changed since the cursor, ingest it, move the cursor.
/// A failed fetch changes no review and keeps the cursor; after <see cref="SourceSyncOptions.FailuresBeforeAlert"/>
/// failures in a row the managers get a direct message, and again when the source recovers. The route owns its
/// transaction: the fetch runs before it, so a slow source never holds a database lock.
/// </summary>
public sealed partial class PollReviewSource(
    PracticeBotDb db,
    IEnumerable<IReviewSource> sources,
    ReviewIngestion ingestion,
    Connections.ConnectedSources connections,
    OutboxWriter outbox,
    IOptions<SourceSyncOptions> options,
    TimeProvider time,
    ILogger<PollReviewSource> logger) : IBotHandler<ScheduleFired>
{
    public async ValueTask HandleAsync(ScheduleFired input, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice;
        var name = input.Data.GetValueOrDefault(ReviewSchedules.SourceKey);
        var source = sources.FirstOrDefault(s => s.Name == name);
        var connected = practice is null || source is null ? null : await connections.FindAsync(practice.Id, source.Name, cancellationToken);
        if (practice is null || source is null || (connected is null && !source.Serves(practice)))
        {
            return; // a trigger left over from an earlier configuration: the host removes it at its next start
        }

        // The remote call comes first, outside any transaction: no database lock is held while a source is slow.
        var cursor = await db.SourceSyncs.Where(s => s.PracticeId == practice.Id && s.Source == source.Name)
            .Select(s => s.Cursor).SingleOrDefaultAsync(cancellationToken);
        var result = await FetchAsync(source, new SourceQuery(practice, cursor, connected), cancellationToken);

        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var sync = await db.SourceSyncs.SingleOrDefaultAsync(s => s.PracticeId == practice.Id && s.Source == source.Name, cancellationToken);
        if (sync is null)
        {
            sync = new SourceSync { PracticeId = practice.Id, Source = source.Name, Status = SourceSyncStatus.Pending };
            db.SourceSyncs.Add(sync);
        }

        if (sync.Cursor != cursor)
        {
            return; // another instance synced this source meanwhile; its result stands, this one is stale
        }

        var now = time.GetUtcNow();
        sync.LastAttemptAt = now;
        if (result.Status == SourceFetchStatus.Ok)
        {
            var summary = await ingestion.IngestAsync(practice, result.Reviews, source.Origin, surface: true, cancellationToken);
            var recovered = sync.ConsecutiveFailures > 0;
            if (sync.FailureReported)
            {
                TellManagers(practice, await ManagersAsync(practice, cancellationToken),
                    $"{source.DisplayName} reviews are syncing again ({summary.Created} new since the last successful sync).");
            }

            sync.Cursor = result.Cursor ?? sync.Cursor;
            sync.Status = SourceSyncStatus.Ok;
            sync.LastSuccessAt = now;
            sync.ConsecutiveFailures = 0;
            sync.LastError = null;
            sync.FailureReported = false;
            if (summary.ChangedAnything || recovered)
            {
                // A poll that found nothing new leaves no audit entry: the audit log records changes, not heartbeats.
                Audit(turn, practice.Id, "reviews.synced", source.Name, summary.Describe());
            }

            LogSynced(logger, source.Name, practice.Id, summary.Created, summary.Edited, summary.Replied, summary.Unchanged);
        }
        else
        {
            sync.Status = result.Status == SourceFetchStatus.Unavailable ? SourceSyncStatus.Unavailable : SourceSyncStatus.Failing;
            sync.ConsecutiveFailures++;
            sync.LastError = Truncate(result.Reason ?? "unknown reason", 500);
            LogFailed(logger, source.Name, practice.Id, sync.ConsecutiveFailures, sync.LastError);
            var alert = !sync.FailureReported
                && (sync.ConsecutiveFailures >= Math.Max(1, options.Value.FailuresBeforeAlert) || result.Status == SourceFetchStatus.Unavailable);
            if (sync.ConsecutiveFailures == 1 || alert)
            {
                Audit(turn, practice.Id, alert ? "reviews.sync.alerted" : "reviews.sync.failed", source.Name, Truncate(sync.LastError, 450));
            }

            if (alert)
            {
                var since = sync.LastSuccessAt is { } last ? $"since {Local(practice, last)}" : "yet";
                TellManagers(practice, await ManagersAsync(practice, cancellationToken),
                    $"{source.DisplayName} reviews have not synced {since}: {sync.LastError} " +
                    $"({sync.ConsecutiveFailures} attempt{(sync.ConsecutiveFailures == 1 ? "" : "s")} in a row). `practice sources` shows every source.");
                sync.FailureReported = true;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>This route owns its transaction, so it writes its audit entry itself, inside it.</summary>
    private void Audit(TurnContext turn, long practiceId, string action, string source, string detail) =>
        db.AuditEntries.Add(new AuditEntry
        {
            PracticeId = practiceId,
            At = time.GetUtcNow(),
            Actor = "system",
            Action = action,
            Subject = $"source:{source}",
            Detail = detail,
            Origin = $"schedule/{ReviewSchedules.Poll}",
            CorrelationId = turn.CorrelationId,
        });

    private static async Task<SourceFetchResult> FetchAsync(IReviewSource source, SourceQuery query, CancellationToken ct)
    {
        try
        {
            return await source.FetchAsync(query, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Connectors report failures as results; anything else is still a failed sync, never a failed turn.
            return SourceFetchResult.Failed($"the connector failed unexpectedly ({ex.GetType().Name})");
        }
    }

    private async Task<List<Member>> ManagersAsync(Practice practice, CancellationToken ct) =>
        (await db.Members.Where(m => m.PracticeId == practice.Id).ToListAsync(ct)).Where(m => (m.Roles & Role.Manager) != 0).ToList();

    private void TellManagers(Practice practice, List<Member> managers, string text)
    {
        if (practice.Channel is not { } channel)
        {
            return;
        }

        foreach (var manager in managers.Where(m => m.Platform == channel.Platform))
        {
            outbox.Enqueue(practice.Id, MessageTarget.DirectTo(channel, manager.UserId), OutboundMessage.Plain(text));
        }
    }

    private static string Local(Practice practice, DateTimeOffset at)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(practice.TimeZone);
        return TimeZoneInfo.ConvertTime(at, zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Information, Message = "Synced {Source} for practice {PracticeId}: {Created} new, {Edited} edited, {Replied} replied, {Unchanged} unchanged")]
    private static partial void LogSynced(ILogger logger, string source, long practiceId, int created, int edited, int replied, int unchanged);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync of {Source} for practice {PracticeId} failed ({Failures} in a row): {Reason}")]
    private static partial void LogFailed(ILogger logger, string source, long practiceId, int failures, string reason);
}
