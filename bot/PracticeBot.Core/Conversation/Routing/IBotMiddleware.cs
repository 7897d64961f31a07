namespace PracticeBot.Core.Conversation.Routing;

/// <summary>Runs around every turn, whatever its kind or transport: tenant lookup, authorization, audit, errors.</summary>
public interface IBotMiddleware
{
    ValueTask InvokeAsync(TurnContext turn, Func<ValueTask> next, CancellationToken cancellationToken);
}
