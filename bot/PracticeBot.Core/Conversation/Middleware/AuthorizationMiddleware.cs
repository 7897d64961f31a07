using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Conversation.Middleware;

/// <summary>
/// Checks the route's <see cref="Commands.Access"/> against the member's roles before the handler runs. A refusal says
/// which role may, and who in the practice has it, so the person knows whom to ask.
/// </summary>
public sealed class AuthorizationMiddleware(PracticeBotDb db) : IBotMiddleware
{
    private const int HoldersShown = 5;

    public async ValueTask InvokeAsync(TurnContext turn, Func<ValueTask> next, CancellationToken cancellationToken)
    {
        if (turn is { Route: { } route, Chat: not null } && !route.Access.Allows(turn.Member))
        {
            var what = turn.Command is { } command ? $"`{command.Spec.Words}`" : "that";
            var who = route.Access.Describe();
            var holders = turn.Practice is { } practice && route.Access.AnyOf != Role.None
                ? await HoldersAsync(practice.Id, route.Access.AnyOf | Role.Manager, cancellationToken)
                : [];
            var ask = holders.Count == 0
                ? "A manager can give you a role with `practice role @you <role>`."
                : $"Here that is {Join(holders)}: ask {(holders.Count == 1 ? "them" : "one of them")}, or a manager for a role (`practice role @you <role>`).";
            turn.Refuse($"Only {who} can use {what}. {ask}", null, turn.Member is null ? "not a member" : $"needs {who}");
            return;
        }

        await next();
    }

    private async Task<List<string>> HoldersAsync(long practiceId, Role roles, CancellationToken ct)
    {
        var members = await db.Members.Where(m => m.PracticeId == practiceId && m.Roles != Role.None)
            .OrderBy(m => m.DisplayName).ThenBy(m => m.Id).ToListAsync(ct);
        return [.. members.Where(m => (m.Roles & roles) != 0).Select(m => m.Mention)];
    }

    private static string Join(List<string> mentions) =>
        mentions.Count <= HoldersShown
            ? (mentions.Count == 1 ? mentions[0] : $"{string.Join(", ", mentions[..^1])} and {mentions[^1]}")
            : $"{string.Join(", ", mentions[..HoldersShown])} and {mentions.Count - HoldersShown} more";
}
