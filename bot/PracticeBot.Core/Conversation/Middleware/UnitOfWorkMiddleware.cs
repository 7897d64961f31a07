using PracticeBot.Core.Audit;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Conversation.Middleware;

/// <summary>
/// Innermost: one transaction per turn. The handler's state changes, the messages it put in the outbox and the
/// audit entries for what it did commit together or not at all.
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

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await next();

        if (db.ChangeTracker.HasChanges() && turn.Route is { Mutates: true } route && turn.Audits.Count == 0 && turn.Refusal is null)
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
        await transaction.CommitAsync(cancellationToken);
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
