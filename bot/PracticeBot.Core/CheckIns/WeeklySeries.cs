using System.Globalization;
using PracticeBot.Core.Posting;

namespace PracticeBot.Core.CheckIns;

/// <summary>The check-in chart's data: one point per week, oldest first, the last being the digest's week.</summary>
public sealed record WeeklySeries(IReadOnlyList<WeekPoint> Weeks)
{
    public const int ChartWeeks = 8;

    /// <summary>
    /// Computes the series (pure) for the <see cref="ChartWeeks"/> weeks ending with <paramref name="week"/>: reviews
    /// received and their average rating, posting slots done and planned (slots dated in the week).
    /// </summary>
    public static WeeklySeries Compute(CheckInWeek week, TimeZoneInfo zone, IReadOnlyList<DigestReview> reviews, IReadOnlyList<DigestSlot> slots)
    {
        var points = new List<WeekPoint>(ChartWeeks);
        for (var i = ChartWeeks - 1; i >= 0; i--)
        {
            var from = week.From.AddDays(-7 * i);
            var to = from.AddDays(7);
            var fromUtc = PostingClock.ToUtc(from, TimeOnly.MinValue, zone);
            var toUtc = PostingClock.ToUtc(to, TimeOnly.MinValue, zone);
            var received = reviews.Where(r => r.ReceivedAt >= fromUtc && r.ReceivedAt < toUtc).ToList();
            var ratings = received.Where(r => r.Rating is not null).Select(r => (double)r.Rating!.Value).ToList();
            var dated = slots.Where(s => s.Date >= from && s.Date < to).ToList();
            points.Add(new WeekPoint(
                from.ToString("MMM d", CultureInfo.InvariantCulture),
                received.Count,
                ratings.Count == 0 ? null : ratings.Average(),
                dated.Count(s => s.Done),
                dated.Count));
        }

        return new WeeklySeries(points);
    }

    /// <summary>A short description of the chart for screen readers and text-only renderings.</summary>
    public string AltText()
    {
        var reviews = Weeks.Sum(w => w.Reviews);
        var done = Weeks.Sum(w => w.PostsDone);
        var planned = Weeks.Sum(w => w.PostsPlanned);
        return string.Create(CultureInfo.InvariantCulture,
            $"Chart of the last {Weeks.Count} weeks: {reviews} reviews in all, with their weekly average rating; {done} of {planned} planned posts done.");
    }
}

/// <param name="Label">The week's first local day, e.g. <c>Nov 16</c>.</param>
public sealed record WeekPoint(string Label, int Reviews, double? AverageRating, int PostsDone, int PostsPlanned);
