using System.Globalization;
using PracticeBot.Core.Audit;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Conversation.Middleware;

/// <summary>
/// Writes every refused chat turn to the audit log: who asked, for what, from where, and why not. It sits outside the
/// tenant lookup and the unit of work so one place records refusals made anywhere (a workspace that is not set up, a
/// missing role, an id of another practice), in their own small save: a refusal has no transaction of its own to join.
/// </summary>
public sealed class RefusalAuditMiddleware(PracticeBotDb db, TimeProvider time) : IBotMiddleware
{
    /// <summary>The audit action of a refused attempt.</summary>
    public const string Refused = "access.refused";

    private const int MaxValue = 64;

    public async ValueTask InvokeAsync(TurnContext turn, Func<ValueTask> next, CancellationToken cancellationToken)
    {
        await next();

        if (turn is not { Refusal: { } refusal, Chat: { } chat })
        {
            return;
        }

        db.AuditEntries.Add(new AuditEntry
        {
            PracticeId = turn.Practice?.Id,
            At = time.GetUtcNow(),
            Actor = $"{chat.Conversation.Platform}:{chat.User.Id}",
            ActorName = chat.User.DisplayName,
            Action = Refused,
            Subject = refusal.Subject ?? SubjectOf(turn),
            Detail = $"{turn.Route?.Name ?? What(turn)}: {refusal.Reason}",
            Origin = $"{chat.Conversation.Platform}/{chat.Conversation.WorkspaceId}/{chat.Conversation.ChannelId}",
            CorrelationId = turn.CorrelationId,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The id the person sent, when the refusal came before a handler could name it. Never free text.</summary>
    private static string? SubjectOf(TurnContext turn) => turn switch
    {
        { Event: ActionInvoked action } => $"value:{Clip(action.Value)}",
        { Command: { } command } when command.Spec.Params.FirstOrDefault(p => p.Kind == Commands.ParamKind.ReviewNumber) is { } id
                                       && command.Values.TryGetValue(id.Name, out var number) && number is int n =>
            $"review:{n.ToString(CultureInfo.InvariantCulture)}",
        _ => null,
    };

    private static string What(TurnContext turn) => turn switch
    {
        { Command: { } command } => $"command:{command.Spec.RouteName}",
        { Event: ActionInvoked action } => $"action:{Clip(action.ActionId)}",
        _ => turn.Event.GetType().Name,
    };

    private static string Clip(string value) => value.Length <= MaxValue ? value : value[..MaxValue];
}
