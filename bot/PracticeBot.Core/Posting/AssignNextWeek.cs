using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Posting;

/// <summary>
/// The weekly rotation (<see cref="PostingSchedules.Rotate"/>): next week's slots, each given fairly to a volunteer,
/// announced in the channel, a DM to each assignee, and the managers told at once about any slot nobody can take.
/// Runs once per week: a week that already has slots is left alone.
/// </summary>
public sealed partial class AssignNextWeek(PracticeBotDb db, PostingDesk desk, TimeProvider time, ILogger<AssignNextWeek> logger) : IBotHandler<ScheduleFired>
{
    public async ValueTask HandleAsync(ScheduleFired fired, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        if (await desk.PlanAsync(practice, cancellationToken) is not { Paused: false } plan)
        {
            return;
        }

        var monday = PostingClock.NextWeekStart(PostingClock.LocalDate(fired.ScheduledFor, PostingDesk.Zone(practice)));
        var sunday = monday.AddDays(6);
        if (await db.PostingSlots.AnyAsync(s => s.PracticeId == practice.Id && s.Date >= monday && s.Date <= sunday, cancellationToken))
        {
            return;
        }

        var planned = PlanShape.Week(monday, plan.PostsPerWeek, plan.Weekdays, plan.Networks);
        var volunteers = await desk.RotationVolunteersAsync(practice, [], cancellationToken);
        var history = await desk.HistoryAsync(practice, monday.AddDays(-7 * PostingRotation.WindowWeeks), monday, null, cancellationToken);
        var assignees = PostingRotation.Assign([.. planned.Select(p => p.Date)], volunteers, history);
        var now = time.GetUtcNow();
        var slots = planned.Select((p, i) => new PostingSlot
        {
            PracticeId = practice.Id,
            PlanId = plan.Id,
            Date = p.Date,
            Sequence = p.Sequence,
            Network = p.Network,
            AssigneeMemberId = assignees[i],
            Status = assignees[i] is null ? SlotStatus.Open : SlotStatus.Assigned,
            AssignedAt = assignees[i] is null ? null : now,
        }).ToList();
        db.PostingSlots.AddRange(slots);
        await db.SaveChangesAsync(cancellationToken); // the DMs' buttons carry the slots' ids

        var members = await desk.MembersByIdAsync(practice, assignees, cancellationToken);
        desk.ToChannel(practice, PostingTexts.Announcement(monday, slots, plan, members));
        foreach (var group in slots.Where(s => s.AssigneeMemberId is not null).GroupBy(s => s.AssigneeMemberId!.Value))
        {
            desk.DirectMessage(practice, members[group.Key], PostingTexts.Assigned(practice, [.. group], plan));
        }

        var open = slots.Where(s => s.Status == SlotStatus.Open).ToList();
        if (open.Count > 0)
        {
            await desk.TellManagersAsync(practice,
                $"No volunteer is available for {string.Join(", ", open.Select(s => PostingTexts.Slot(s, plan)))}. " +
                (volunteers.Count == 0 ? "Nobody has volunteered yet: ask the team to `posting volunteer`." : "Everyone is away or already busy those days.") +
                " You could post it yourself, or ask someone to volunteer.", cancellationToken);
        }

        turn.Audit("posting.rotation", $"week:{monday:yyyy-MM-dd}", $"{slots.Count} slots, {open.Count} without a volunteer");
        LogAssigned(logger, practice.Id, slots.Count, open.Count, monday);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Practice {PracticeId}: assigned {Count} posting slots ({Open} open) for the week of {Monday}")]
    private static partial void LogAssigned(ILogger logger, long practiceId, int count, int open, DateOnly monday);
}
