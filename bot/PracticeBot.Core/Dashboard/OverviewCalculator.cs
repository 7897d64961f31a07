using PracticeBot.Core.CheckIns;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Reviews;

namespace PracticeBot.Core.Dashboard;

/// <summary>Computes the overview's figures from plain inputs (pure).</summary>
public static class OverviewCalculator
{
    public const int Months = 12;
    public const int PostingWeeks = 12;

    public static readonly IReadOnlyList<(string Label, int Days)> Windows = [("Last 7 days", 7), ("Last 4 weeks", 28), ("Last 12 months", 365)];

    private static readonly (string Label, TimeSpan From, TimeSpan? To)[] Ages =
    [
        ("Under 1 day", TimeSpan.Zero, TimeSpan.FromDays(1)),
        ("1–3 days", TimeSpan.FromDays(1), TimeSpan.FromDays(3)),
        ("3–7 days", TimeSpan.FromDays(3), TimeSpan.FromDays(7)),
        ("Over 7 days", TimeSpan.FromDays(7), null),
    ];

    public static Overview Compute(OverviewInputs inputs)
    {
        var now = inputs.Now;
        var open = inputs.Reviews.Where(r => r.Waiting).ToList();
        var byAge = Ages.Select(a =>
        {
            var inBucket = open.Where(r => now - r.ReceivedAt >= a.From && (a.To is not { } to || now - r.ReceivedAt < to)).ToList();
            return new AgeBucket(a.Label, a.From, a.To, inBucket.Count(r => r.Urgent), inBucket.Count(r => !r.Urgent));
        }).ToList();

        var responses = Windows.Select(w => Window(inputs, w.Label, w.Days)).ToList();

        var yearAgo = now.AddDays(-365);
        var lastYear = inputs.Reviews.Where(r => r.ReceivedAt >= yearAgo && r.ReceivedAt <= now).ToList();
        var sources = lastYear.GroupBy(r => r.Source, StringComparer.OrdinalIgnoreCase)
            .Select(g => new SourceFigure(g.Key, g.Count(), Average(g)))
            .OrderByDescending(s => s.Count).ThenBy(s => s.Source, StringComparer.Ordinal)
            .ToList();

        var today = PostingClock.LocalDate(now, inputs.Zone);
        var months = Enumerable.Range(0, Months).Select(k =>
        {
            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(k - (Months - 1));
            var from = PostingClock.ToUtc(first, TimeOnly.MinValue, inputs.Zone);
            var to = PostingClock.ToUtc(first.AddMonths(1), TimeOnly.MinValue, inputs.Zone);
            var inMonth = inputs.Reviews.Where(r => r.ReceivedAt >= from && r.ReceivedAt < to).ToList();
            return new MonthFigure(first.Year, first.Month, inMonth.Count, Average(inMonth));
        }).ToList();

        var thisWeek = PostingClock.WeekStart(today);
        var weeks = Enumerable.Range(0, PostingWeeks).Select(k =>
        {
            var monday = thisWeek.AddDays(7 * (k - (PostingWeeks - 1)));
            var slots = inputs.Slots.Where(s => s.Date >= monday && s.Date < monday.AddDays(7)).ToList();
            return new PostingWeek(monday, slots.Count, slots.Count(s => s.Status == SlotStatus.Done),
                slots.Count(s => s.Status is SlotStatus.Missed or SlotStatus.Skipped));
        }).ToList();

        return new Overview(now, byAge, responses, sources, months, weeks, inputs.Stalls, inputs.NextCheckIn,
            inputs.ResponseTargetHours, inputs.UrgentResponseTargetHours);
    }

    private static ResponseWindow Window(OverviewInputs inputs, string label, int days)
    {
        var since = inputs.Now.AddDays(-days);
        var needing = inputs.Reviews.Where(r => r.ReceivedAt >= since && r.ReceivedAt <= inputs.Now && r.NeedsReply).ToList();
        var times = needing.Where(r => r.FirstReplyAt is not null).Select(r => (Review: r, Time: r.FirstReplyAt!.Value - r.ReceivedAt)).ToList();
        var within = times.Count(t => t.Time <= TimeSpan.FromHours(t.Review.Urgent ? inputs.UrgentResponseTargetHours : inputs.ResponseTargetHours));
        return new ResponseWindow(label, days, needing.Count, times.Count, within, DigestCalculator.Median([.. times.Select(t => t.Time)]));
    }

    private static double? Average(IEnumerable<OverviewReview> reviews)
    {
        var ratings = reviews.Where(r => r.Rating is not null).Select(r => (double)r.Rating!.Value).ToList();
        return ratings.Count == 0 ? null : ratings.Average();
    }
}
