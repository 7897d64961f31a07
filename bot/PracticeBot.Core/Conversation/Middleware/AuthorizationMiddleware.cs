using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Conversation.Middleware;

/// <summary>Checks the route's <see cref="Commands.Access"/> against the member's roles before the handler runs.</summary>
public sealed class AuthorizationMiddleware : IBotMiddleware
{
    public ValueTask InvokeAsync(TurnContext turn, Func<ValueTask> next, CancellationToken cancellationToken)
    {
        if (turn is { Route: { } route, Chat: not null } && !route.Access.Allows(turn.Member))
        {
            var what = turn.Command is { } command ? $"`{command.Spec.Root} {(command.Spec.Implicit ? "" : command.Spec.Verb)}`".Replace(" `", "`", StringComparison.Ordinal) : "that";
            turn.Reply($"Only {route.Access.Describe()} can use {what}. A manager can give you a role with `practice role @you <role>`.");
            return ValueTask.CompletedTask;
        }

        return next();
    }
}
