using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Posting;

/// <summary>
/// The morning run (<see cref="PostingSchedules.Remind"/>): a reminder for today's slots and one for tomorrow's, each
/// with an idea and Done / Skip / Swap. Each reminder is sent once, whatever the number of runs. A paused plan reminds nobody.
/// </summary>
public sealed class SendPostingReminders(PracticeBotDb db, PostingDesk desk, TimeProvider time) : IBotHandler<ScheduleFired>
{
    public async ValueTask HandleAsync(ScheduleFired fired, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        if (await desk.PlanAsync(practice, cancellationToken) is not { Paused: false } plan)
        {
            return;
        }

        var today = PostingClock.LocalDate(fired.ScheduledFor, PostingDesk.Zone(practice));
        var tomorrow = today.AddDays(1);
        var slots = await db.PostingSlots
            .Where(s => s.PracticeId == practice.Id && s.Status == SlotStatus.Assigned && (s.Date == today || s.Date == tomorrow))
            .OrderBy(s => s.Date).ThenBy(s => s.Sequence)
            .ToListAsync(cancellationToken);
        var members = await desk.MembersByIdAsync(practice, slots.Select(s => s.AssigneeMemberId), cancellationToken);
        var now = time.GetUtcNow();
        var sent = 0;
        foreach (var slot in slots)
        {
            var dayBefore = slot.Date == tomorrow;
            if ((dayBefore ? slot.DayBeforeReminderAt : slot.MorningReminderAt) is not null || !members.TryGetValue(slot.AssigneeMemberId!.Value, out var member))
            {
                continue;
            }

            desk.DirectMessage(practice, member, PostingTexts.Reminder(slot, plan, PostingDesk.IdeaFor(practice, slot), dayBefore));
            if (dayBefore)
            {
                slot.DayBeforeReminderAt = now;
            }
            else
            {
                slot.MorningReminderAt = now;
            }

            sent++;
        }

        if (sent > 0)
        {
            turn.Audit("posting.reminded", $"day:{today:yyyy-MM-dd}", $"{sent} reminders");
        }
    }
}
