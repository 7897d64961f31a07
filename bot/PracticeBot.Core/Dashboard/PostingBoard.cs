using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Dashboard;

/// <summary>The Posting page: the plan, the next two weeks' slots, and the last 12 weeks per volunteer.</summary>
/// <param name="Plan">The plan in words, or null when the practice has none.</param>
/// <param name="CalendarPath">The calendar feed's path with its token, or null until <c>posting schedule</c> made one.</param>
public sealed record PostingBoard(string? Plan, bool Paused, IReadOnlyList<UpcomingSlot> Upcoming, IReadOnlyList<VolunteerRecord> Volunteers, string? CalendarPath);

public sealed record UpcomingSlot(DateOnly Date, string? Network, string? Who, SlotStatus Status);

/// <summary>One person's last 12 weeks: slots assigned to them, done by them, and missed or skipped.</summary>
public sealed record VolunteerRecord(string Name, bool Volunteer, int Assigned, int Done, int Missed);

public sealed class PostingBoardReader(PracticeBotDb db, IPostingCalendarTokens tokens, TimeProvider time)
{
    public const int Weeks = 12;

    public async Task<PostingBoard> ReadAsync(Practice practice, CancellationToken ct)
    {
        var plan = await db.PostingPlans.AsNoTracking().SingleOrDefaultAsync(p => p.PracticeId == practice.Id, ct);
        var today = PostingClock.LocalDate(time.GetUtcNow(), PostingDesk.Zone(practice));
        var from = PostingClock.WeekStart(today).AddDays(-7 * Weeks);
        var end = today.AddDays(ShowPostingSchedule.Days);
        var slots = await db.PostingSlots.AsNoTracking()
            .Where(s => s.PracticeId == practice.Id && s.Date >= from && s.Date < end)
            .OrderBy(s => s.Date).ThenBy(s => s.Sequence).ToListAsync(ct);
        var members = await db.Members.AsNoTracking().Where(m => m.PracticeId == practice.Id).ToDictionaryAsync(m => m.Id, ct);
        string? Name(long? id) => id is { } known && members.TryGetValue(known, out var m) ? m.DisplayName ?? m.UserId : null;

        var upcoming = slots.Where(s => s.Date >= today).Select(s => new UpcomingSlot(s.Date, s.Network, Name(s.AssigneeMemberId), s.Status)).ToList();
        var past = slots.Where(s => s.Date < today).ToList();
        var people = past.Select(s => s.AssigneeMemberId).Concat(past.Select(s => s.DoneByMemberId)).OfType<long>()
            .Concat(members.Values.Where(m => (m.Roles & Role.Poster) != 0).Select(m => m.Id)).Distinct();
        var volunteers = people.Where(members.ContainsKey).Select(id => new VolunteerRecord(
                Name(id)!,
                (members[id].Roles & Role.Poster) != 0,
                past.Count(s => s.AssigneeMemberId == id),
                past.Count(s => s.Status == SlotStatus.Done && (s.DoneByMemberId ?? s.AssigneeMemberId) == id),
                past.Count(s => s.AssigneeMemberId == id && s.Status is SlotStatus.Missed or SlotStatus.Skipped)))
            .OrderByDescending(v => v.Done).ThenBy(v => v.Name, StringComparer.Ordinal).ToList();

        var token = plan is null ? null : tokens.Reveal(plan);
        return new PostingBoard(
            plan is null ? null : PostingTexts.Summary(plan, practice.TimeZone),
            plan?.Paused ?? false,
            upcoming,
            volunteers,
            token is null ? null : ShowPostingSchedule.CalendarPath(practice.Id, token));
    }
}
