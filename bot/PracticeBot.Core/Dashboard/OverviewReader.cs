using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.CheckIns;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Dashboard;

/// <summary>Reads what the overview needs and hands it to <see cref="OverviewCalculator"/>; the stalls are the check-in's own.</summary>
public sealed class OverviewReader(PracticeBotDb db, CheckInDesk checkIns, TimeProvider time)
{
    private static readonly List<ReviewStatus> Waiting = [.. SlaPlanner.Waiting];

    public async Task<Overview> ReadAsync(Practice practice, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var zone = PostingDesk.Zone(practice);
        var since = now.AddDays(-366);
        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => r.PracticeId == practice.Id && (r.ReceivedAt >= since || Waiting.Contains(r.Status)))
            .Select(r => new { r.Id, r.Source, r.Rating, r.Recommendation, r.ReceivedAt, r.Status, r.Urgent })
            .ToListAsync(ct);
        var firstReplies = await db.ReviewReplies.AsNoTracking()
            .Where(r => r.PracticeId == practice.Id && r.PublishedAt != null && r.PublishedAt >= since)
            .GroupBy(r => r.ReviewId)
            .Select(g => new { ReviewId = g.Key, At = g.Min(r => r.PublishedAt) })
            .ToDictionaryAsync(x => x.ReviewId, x => x.At, ct);

        var today = PostingClock.LocalDate(now, zone);
        var firstMonday = PostingClock.WeekStart(today).AddDays(-7 * (OverviewCalculator.PostingWeeks - 1));
        var slots = await db.PostingSlots.AsNoTracking()
            .Where(s => s.PracticeId == practice.Id && s.Date >= firstMonday)
            .Select(s => new OverviewSlot(s.Date, s.Status))
            .ToListAsync(ct);
        var stalls = await checkIns.StallsAsync(practice, CheckInDesk.WeekOf(practice, now), ct);

        return OverviewCalculator.Compute(new OverviewInputs(
            now,
            zone,
            practice.Settings.ResponseTargetHours,
            practice.Settings.UrgentResponseTargetHours,
            [.. reviews.Select(r => new OverviewReview(
                r.Source, r.Rating, r.ReceivedAt, r.Status,
                r.Urgent || r.Rating <= 2 || string.Equals(r.Recommendation, "negative", StringComparison.OrdinalIgnoreCase),
                firstReplies.TryGetValue(r.Id, out var at) ? at : null))],
            slots,
            stalls,
            NextCheckIn(practice.Settings, zone, now)));
    }

    /// <summary>The next weekly check-in (when the next nudges go out), after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextCheckIn(PracticeSettings settings, TimeZoneInfo zone, DateTimeOffset now)
    {
        var today = PostingClock.LocalDate(now, zone);
        for (var k = 0; k <= 7; k++)
        {
            var day = today.AddDays(k);
            if (day.DayOfWeek == settings.CheckInDay && PostingClock.ToUtc(day, settings.CheckInTime, zone) is var at && at > now)
            {
                return at;
            }
        }

        return PostingClock.ToUtc(today.AddDays(7), settings.CheckInTime, zone);
    }
}
