using System.Globalization;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Home;

/// <summary>
/// Inside the unit of work, after the handler: what the turn changed, as its audit entries say (<c>review.*</c> on
/// <c>review:N</c>, <c>posting.*</c>), refreshes the homes it can concern (<see cref="HomeRefresh"/>), in the same
/// transaction. A route that owns its transaction saves its own work, so the refreshes are saved here for it.
/// </summary>
public sealed class HomeRefreshMiddleware(HomeRefresh homes, PracticeBotDb db) : IBotMiddleware
{
    public async ValueTask InvokeAsync(TurnContext turn, Func<ValueTask> next, CancellationToken cancellationToken)
    {
        await next();
        if (turn.Practice is not { } practice || turn.Audits.Count == 0)
        {
            return;
        }

        var actor = turn.Member?.Id;
        var reviews = turn.Audits
            .Where(a => a.Action.StartsWith("review.", StringComparison.Ordinal) && a.Subject is { } s && s.StartsWith("review:", StringComparison.Ordinal))
            .Select(a => int.TryParse(a.Subject!.AsSpan("review:".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n > 0)
            .Distinct();
        foreach (var number in reviews)
        {
            await homes.ForReviewAsync(practice, number, actor, cancellationToken);
        }

        if (turn.Audits.Any(a => a.Action.StartsWith("posting.", StringComparison.Ordinal)))
        {
            await homes.ForPostingAsync(practice, actor, cancellationToken);
        }

        if (turn.Route is { OwnsTransaction: true } && homes.Queued)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
