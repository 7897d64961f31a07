using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Posting;

/// <summary>
/// Makes a week's slots and shares them out with the fair rotation (<see cref="PostingRotation"/>): one path for the
/// weekly rotation (next week, on Fridays) and for the first week (the rest of this week, and next week's when its
/// rotation has already run, as soon as a plan is set or changed or a volunteer joins). Slots already stored are kept
/// as they are (an assigned one is never moved); only open ones, and the plan's slots not stored yet, are filled.
/// A slot whose due time has passed is neither made nor assigned.
/// </summary>
/// <remarks>
/// Two turns filling at once (two volunteers joining together, on two instances) take the plan's row lock first, so the
/// second one waits and then sees what the first one made: a slot is made and assigned once. The unique index on
/// (practice, date, sequence) stands behind it.
/// </remarks>
public sealed class PostingRota(PracticeBotDb db, PostingDesk desk, TimeProvider time)
{
    /// <summary>
    /// The weeks that start now, Monday first, in the practice's local week: this week, and next week too once this
    /// week's rotation time (<see cref="PostingSchedules.RotateDay"/> at <see cref="PostingSchedules.RotateTime"/>) has passed.
    /// </summary>
    public IReadOnlyList<DateOnly> WeeksStartingNow(Practice practice)
    {
        var zone = PostingDesk.Zone(practice);
        var now = time.GetUtcNow();
        var monday = PostingClock.WeekStart(PostingClock.LocalDate(now, zone));
        return RotationHasRun(monday, now, zone) ? [monday, monday.AddDays(7)] : [monday];
    }

    /// <summary>Whether the rotation that shares out the week after <paramref name="monday"/>'s has run by <paramref name="now"/>.</summary>
    public static bool RotationHasRun(DateOnly monday, DateTimeOffset now, TimeZoneInfo zone) =>
        now >= PostingClock.ToUtc(monday.AddDays(((int)PostingSchedules.RotateDay + 6) % 7), PostingSchedules.RotateTime, zone);

    /// <summary>Waits for any other turn filling this practice's weeks (a no-op update that takes the plan's row lock).</summary>
    public Task LockAsync(PostingPlan plan, CancellationToken ct) =>
        db.PostingPlans.Where(p => p.Id == plan.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.UpdatedAt, p => p.UpdatedAt), ct);

    /// <summary>
    /// Fills the weeks starting on <paramref name="mondays"/>: makes the plan's slots still due that are not stored,
    /// assigns them and the open ones fairly, saves (the messages' buttons carry the slots' ids), announces the newly
    /// assigned ones in the channel and tells each assignee. The plan must be saved and active.
    /// </summary>
    public async Task<RotaFill> FillAsync(Practice practice, PostingPlan plan, IReadOnlyList<DateOnly> mondays, string heading, CancellationToken ct)
    {
        await LockAsync(plan, ct);
        var zone = PostingDesk.Zone(practice);
        var now = time.GetUtcNow();
        var from = mondays.Min();
        var to = mondays.Max().AddDays(7);
        var stored = await db.PostingSlots
            .Where(s => s.PracticeId == practice.Id && s.Date >= from && s.Date < to)
            .ToListAsync(ct);
        bool StillDue(DateOnly date) => PostingClock.DueAt(date, plan.DueLocalTime, zone) > now;

        var made = mondays
            .SelectMany(monday => PlanShape.Week(monday, plan.PostsPerWeek, plan.Weekdays, plan.Networks))
            .Where(p => StillDue(p.Date) && !stored.Any(s => s.Date == p.Date && s.Sequence == p.Sequence))
            .Select(p => new PostingSlot
            {
                PracticeId = practice.Id,
                PlanId = plan.Id,
                Date = p.Date,
                Sequence = p.Sequence,
                Network = p.Network,
                Status = SlotStatus.Open,
            })
            .ToList();
        var toFill = made
            .Concat(stored.Where(s => s.Status == SlotStatus.Open && s.AssigneeMemberId is null && StillDue(s.Date)))
            .OrderBy(s => s.Date).ThenBy(s => s.Sequence)
            .ToList();
        if (toFill.Count == 0)
        {
            return new RotaFill([], [], 0);
        }

        var volunteers = await desk.RotationVolunteersAsync(practice, [], ct);
        var history = await desk.HistoryAsync(practice, from.AddDays(-7 * PostingRotation.WindowWeeks), to, null, ct);
        var taken = stored.Where(s => s.AssigneeMemberId is not null).Select(s => (s.Date, s.AssigneeMemberId!.Value)).ToList();
        var assignees = PostingRotation.Assign([.. toFill.Select(s => s.Date)], volunteers, history, taken);
        for (var i = 0; i < toFill.Count; i++)
        {
            if (assignees[i] is { } id)
            {
                toFill[i].AssigneeMemberId = id;
                toFill[i].Status = SlotStatus.Assigned;
                toFill[i].AssignedAt = now;
            }
        }

        db.PostingSlots.AddRange(made);
        await db.SaveChangesAsync(ct); // the DMs' buttons carry the slots' ids

        var assigned = toFill.Where(s => s.Status == SlotStatus.Assigned).ToList();
        var open = toFill.Where(s => s.Status == SlotStatus.Open).ToList();
        var members = await desk.MembersByIdAsync(practice, assigned.Select(s => s.AssigneeMemberId), ct);
        if (assigned.Count > 0 || made.Count > 0)
        {
            // New slots are announced even when nobody could take them: the rota asks for volunteers.
            desk.ToChannel(practice, PostingTexts.Announcement(heading, toFill, plan, members));
        }

        var thisWeek = PostingClock.WeekStart(PostingClock.LocalDate(now, zone));
        foreach (var group in assigned.GroupBy(s => s.AssigneeMemberId!.Value))
        {
            desk.DirectMessage(practice, members[group.Key], PostingTexts.Assigned(practice, [.. group], plan, thisWeek));
        }

        return new RotaFill(assigned, open, volunteers.Count);
    }
}

/// <summary>What a fill did: the slots it assigned, those left open (nobody available), and how many volunteers there are.</summary>
public sealed record RotaFill(IReadOnlyList<PostingSlot> Assigned, IReadOnlyList<PostingSlot> Open, int Volunteers);
