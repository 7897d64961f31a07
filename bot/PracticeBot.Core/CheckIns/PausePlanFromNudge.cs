using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Scheduling;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.CheckIns;

/// <summary>
/// "Pause the plan for 2 weeks" (a volunteer or a manager): the plan pauses at once, its triggers go, and the weekly
/// check-in resumes it once the two weeks are up.
/// </summary>
public sealed class PausePlanFromNudge(PracticeBotDb db, PostingDesk posting, IBotScheduler scheduler, TimeProvider time) : IBotHandler<ActionInvoked>
{
    public async ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        var me = turn.Member!;
        if ((me.Roles & (Role.Manager | Role.Poster)) == 0)
        {
            turn.Refuse("Only posting volunteers and managers can pause the posting plan.", "posting:plan", "needs posters or managers");
            return;
        }

        var plan = await db.PostingPlans.SingleOrDefaultAsync(p => p.PracticeId == practice.Id, cancellationToken);
        if (plan is not { Paused: false })
        {
            turn.Reply("The posting plan is already paused.");
            return;
        }

        var until = posting.Today(practice).AddDays(CheckInActions.PauseDays);
        plan.Paused = true;
        plan.UpdatedAt = time.GetUtcNow();
        practice.Settings.PostingPausedUntil = until;
        turn.Audit("posting.plan.paused", "posting:plan", $"from a check-in nudge, until {until:yyyy-MM-dd}");
        turn.AfterCommit(ct => PostingTriggers.RemoveAsync(scheduler, practice.Id, ct));
        var text = $"Posting is paused for two weeks, until {PlanShape.DateName(until)} — a breather is fine. The check-in turns it back on then.";
        posting.ToChannel(practice, OutboundMessage.Plain($"{me.Mention} paused posting for two weeks, until {PlanShape.DateName(until)}. It comes back on by itself."));
        turn.Reply(text);
    }
}
