using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Posting;

/// <summary><c>posting away 2026-12-21 2026-12-28</c>: no posting duty on those days (both included).</summary>
public sealed class SetAway(PracticeBotDb db, PostingDesk desk, TimeProvider time) : IBotHandler<CommandInvocation>
{
    public const int MaxDaysAhead = 366;

    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        var me = turn.Member!;
        var from = command.Get<DateOnly>("from");
        var to = command.Get<DateOnly>("to");
        var today = desk.Today(practice);
        if (from > to)
        {
            turn.Reply($"{PlanShape.DateName(from)} is after {PlanShape.DateName(to)}. Put the first day first: `posting away {to:yyyy-MM-dd} {from:yyyy-MM-dd}`.");
            return;
        }

        if (from < today)
        {
            turn.Reply($"{PlanShape.DateName(from)} is in the past (today is {PlanShape.DateName(today)} in {practice.TimeZone}). Start from today or later.");
            return;
        }

        if (to > today.AddDays(MaxDaysAhead))
        {
            turn.Reply("That's more than a year ahead. Set away days up to a year from now.");
            return;
        }

        if (me.Id == 0)
        {
            await db.SaveChangesAsync(cancellationToken); // someone new needs an id before the away period can name them
        }

        db.PostingAways.Add(new PostingAway { PracticeId = practice.Id, MemberId = me.Id, From = from, To = to, CreatedAt = time.GetUtcNow() });
        turn.Audit("posting.away", $"member:{me.Mention}", $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}");
        var handed = await OptOut.HandOnAsync(db, desk, practice, me, from, to, "a teammate is away", cancellationToken);
        var note = me.Roles.HasFlag(Role.Poster) ? "" : " (You're not a posting volunteer right now; this counts once you join.)";
        turn.Reply($"Got it: no posting duty for you from {PlanShape.DateName(from)} to {PlanShape.DateName(to)}. Enjoy!{note}{handed}");
    }
}
