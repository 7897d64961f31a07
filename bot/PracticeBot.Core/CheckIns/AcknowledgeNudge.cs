using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.CheckIns;

/// <summary>"I'll post today": marks the week's nudge acknowledged and says how the post is recorded.</summary>
public sealed class AcknowledgeNudge(PracticeBotDb db, TimeProvider time) : IBotHandler<ActionInvoked>
{
    public async ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        var nudge = await db.Nudges.FirstOrDefaultAsync(
            n => n.PracticeId == practice.Id && n.Kind.StartsWith("stall.") && n.Subject == action.Value, cancellationToken);
        if (nudge is null)
        {
            turn.Refuse(
                "That nudge is no longer current. `posting schedule` shows what's planned.",
                $"nudge:{(action.Value.Length <= 64 ? action.Value : action.Value[..64])}",
                "no such nudge in this practice");
            return;
        }

        nudge.AcknowledgedAt ??= time.GetUtcNow();
        turn.Audit("checkin.nudge.acknowledged", action.Value);
        turn.Reply("Thank you! Once it's up, `posting done <link>` records it (and you'll be thanked in next week's check-in).");
    }
}
