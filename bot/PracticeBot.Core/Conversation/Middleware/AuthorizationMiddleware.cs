using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Conversation.Middleware;

/// <summary>Checks the route's <see cref="Commands.Access"/> against the member's roles before the handler runs.</summary>
public sealed class AuthorizationMiddleware : IBotMiddleware
{
    public ValueTask InvokeAsync(TurnContext turn, Func<ValueTask> next, CancellationToken cancellationToken)
    {
        if (turn is { Route: { } route, Chat: not null } && !route.Access.Allows(turn.Member))
        {
            var what = turn.Command is { } command ? $"`{command.Spec.Words}`" : "that";
            turn.Refuse(
                $"Only {route.Access.Describe()} can use {what}. A manager can give you a role with `practice role @you <role>`.",
                null,
                turn.Member is null ? "not a member" : $"needs {route.Access.Describe()}");
            return ValueTask.CompletedTask;
        }

        return next();
    }
}
