using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Posting;

/// <summary>
/// The daily sweep (<see cref="PostingSchedules.Sweep"/>): a slot still open a day after its due time is marked
/// missed, so the record and the weekly check-in are honest. The assignee gets a kind note unless the plan is paused.
/// </summary>
public sealed class MarkMissedSlots(PracticeBotDb db, PostingDesk desk, TimeProvider time) : IBotHandler<ScheduleFired>
{
    public async ValueTask HandleAsync(ScheduleFired fired, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        if (await desk.PlanAsync(practice, cancellationToken) is not { } plan)
        {
            return;
        }

        var now = time.GetUtcNow();
        var zone = PostingDesk.Zone(practice);
        var yesterday = PostingClock.LocalDate(now, zone).AddDays(-1);
        var candidates = await db.PostingSlots
            .Where(s => s.PracticeId == practice.Id && s.Date <= yesterday
                && (s.Status == SlotStatus.Assigned || s.Status == SlotStatus.Open || s.Status == SlotStatus.Skipped))
            .ToListAsync(cancellationToken);
        var missed = candidates.Where(s => PostingClock.MissedAt(s.Date, plan.DueLocalTime, zone) <= now).ToList();
        var members = await desk.MembersByIdAsync(practice, missed.Select(s => s.AssigneeMemberId), cancellationToken);
        foreach (var slot in missed)
        {
            slot.Status = SlotStatus.Missed;
            slot.MissedAt = now;
            await desk.WithdrawSwapsAsync(slot.Id, cancellationToken);
            if (!plan.Paused && slot.AssigneeMemberId is { } id && members.TryGetValue(id, out var member))
            {
                desk.DirectMessage(practice, member, OutboundMessage.Plain(
                    $"Your post for {PlanShape.DateName(slot.Date)} wasn't recorded, so I've marked it missed. " +
                    "If you did post it, `posting done <link>` still records it. Thanks for being on the team!"));
            }
        }

        if (missed.Count > 0)
        {
            turn.Audit("posting.missed", $"slots:{string.Join(",", missed.Select(s => s.Id))}", $"{missed.Count} slots");
        }
    }
}
