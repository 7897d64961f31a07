using PracticeBot.Core.Audit;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Conversation.Middleware;

/// <summary>
/// Innermost: one transaction per turn. The handler's state changes, the messages it put in the outbox and the
/// audit entries for what it did commit together or not at all. A route that writes only tracked changes
/// (<see cref="Route.TrackedWritesOnly"/>: read-only commands, the weekly check-in) runs without it and has them
/// committed together by <c>SaveChanges</c> at the end: SQLite begins every transaction IMMEDIATE, taking its one
/// write lock, so concurrent turns would otherwise queue behind each other for as long as each one reads.
/// </summary>
public sealed class UnitOfWorkMiddleware(PracticeBotDb db, TimeProvider time) : IBotMiddleware
{
    public async ValueTask InvokeAsync(TurnContext turn, Func<ValueTask> next, CancellationToken cancellationToken)
    {
        if (turn.Route is { OwnsTransaction: true })
        {
            await next();
            return;
        }

        if (turn.Route is { TrackedWritesOnly: true })
        {
            await next();
            var changed = db.ChangeTracker.HasChanges();
            await turn.CompleteAsync(cancellationToken);
            if (db.ChangeTracker.HasChanges() || turn.Audits.Count > 0)
            {
                // SaveChanges' own transaction: all of it (a member seen for the first time, a check-in's nudges and messages) or nothing.
                await SaveAsync(turn, changed, cancellationToken);
            }

            await RunAfterCommitAsync(turn, cancellationToken);
            return;
        }

        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await next();
        var handlerChanged = db.ChangeTracker.HasChanges();
        await turn.CompleteAsync(cancellationToken);
        await SaveAsync(turn, handlerChanged, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await RunAfterCommitAsync(turn, cancellationToken);
    }

    /// <param name="handlerChanged">Whether the handler changed anything tracked (the transport's completion does not count).</param>
    private async Task SaveAsync(TurnContext turn, bool handlerChanged, CancellationToken cancellationToken)
    {
        if (handlerChanged && turn.Route is { Mutates: true } route && turn.Audits.Count == 0 && turn.Refusal is null)
        {
            // A handler that changed state without saying what still leaves a trace (a refused turn has its own).
            turn.Audit(route.Name.Replace(':', '.'), null, null);
        }

        foreach (var audit in turn.Audits)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                PracticeId = turn.Practice?.Id,
                At = time.GetUtcNow(),
                Actor = turn.Chat is { } chat ? $"{chat.Conversation.Platform}:{chat.User.Id}" : "system",
                ActorName = turn.Chat?.User.DisplayName,
                Action = audit.Action,
                Subject = audit.Subject,
                Detail = audit.Detail,
                Origin = Origin(turn),
                CorrelationId = turn.CorrelationId,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task RunAfterCommitAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        foreach (var work in turn.AfterCommitWork)
        {
            await work(cancellationToken);
        }
    }

    private static string? Origin(TurnContext turn) => turn.Event switch
    {
        ChatEvent chat => $"{chat.Conversation.Platform}/{chat.Conversation.WorkspaceId}/{chat.Conversation.ChannelId}",
        ScheduleFired schedule => $"schedule/{schedule.ScheduleId}",
        _ => null,
    };
}
