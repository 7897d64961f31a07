using PracticeBot.Core.Audit;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Conversation.Middleware;

/// <summary>
/// Innermost: one transaction per turn. The handler's state changes, the messages it put in the outbox and the
/// audit entries for what it did commit together or not at all. A read-only route (<see cref="Route.ReadOnly"/>)
/// runs without it: SQLite begins every transaction IMMEDIATE, taking the one write lock, so concurrent read-only
/// turns would otherwise queue behind each other.
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

        if (turn.Route is { ReadOnly: true })
        {
            await next();
            if (db.ChangeTracker.HasChanges() || turn.Audits.Count > 0)
            {
                // What a read-only turn still wrote (a member seen for the first time) commits in SaveChanges' own transaction.
                await SaveAsync(turn, cancellationToken);
            }

            await RunAfterCommitAsync(turn, cancellationToken);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await next();
        await SaveAsync(turn, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await RunAfterCommitAsync(turn, cancellationToken);
    }

    private async Task SaveAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (db.ChangeTracker.HasChanges() && turn.Route is { Mutates: true } route && turn.Audits.Count == 0)
        {
            // A handler that changed state without saying what still leaves a trace.
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
