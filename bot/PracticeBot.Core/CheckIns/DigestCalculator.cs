namespace PracticeBot.Core.CheckIns;

/// <summary>Computes a week's digest from plain inputs (pure).</summary>
public static class DigestCalculator
{
    /// <summary>How many complaints of a category in the four weeks before make one this week a recurring complaint.</summary>
    public const int RecurringAfter = 2;

    public const int TopCategories = 3;

    public const string AnyNetwork = "any network";

    public static WeeklyDigest Compute(DigestInputs inputs)
    {
        var week = inputs.Week;
        var thisWeek = inputs.Reviews.Where(r => r.ReceivedAt >= week.FromUtc && r.ReceivedAt < week.ToUtc).ToList();
        var prior = inputs.Reviews.Where(r => r.ReceivedAt >= week.PriorFromUtc && r.ReceivedAt < week.FromUtc).ToList();

        var sources = thisWeek.Select(r => r.Source).Concat(prior.Select(r => r.Source)).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(source => new SourceLine(
                source,
                thisWeek.Count(r => Same(r.Source, source)),
                Average(thisWeek.Where(r => Same(r.Source, source))),
                prior.Count(r => Same(r.Source, source)) / (double)CheckInWeek.TrendWeeks,
                Average(prior.Where(r => Same(r.Source, source)))))
            .OrderByDescending(s => s.Count).ThenBy(s => s.Source, StringComparer.Ordinal)
            .ToList();

        var needing = thisWeek.Where(r => r.NeedsReply).ToList();
        var times = needing.Where(r => r.FirstResponseAt is not null)
            .Select(r => (Review: r, Time: r.FirstResponseAt!.Value - r.ReceivedAt))
            .ToList();
        var responses = new ResponseLine(
            needing.Count,
            times.Count,
            times.Count(t => t.Time <= TimeSpan.FromHours(t.Review.Urgent ? inputs.UrgentResponseTargetHours : inputs.ResponseTargetHours)),
            Median([.. times.Select(t => t.Time)]),
            inputs.ResponseTargetHours,
            inputs.UrgentResponseTargetHours);

        var urgent = inputs.Reviews.Where(r => r.Urgent && r.Waiting)
            .OrderBy(r => r.ReceivedAt)
            .Select(r => new UrgentLine(r.Number, inputs.Now - r.ReceivedAt))
            .ToList();

        var categories = thisWeek.SelectMany(r => r.Categories).Distinct(StringComparer.Ordinal)
            .Select(c =>
            {
                var now = thisWeek.Count(r => r.Categories.Contains(c));
                var before = prior.Count(r => r.Categories.Contains(c));
                return new CategoryLine(c, now, before, before >= RecurringAfter);
            })
            .OrderByDescending(c => c.ThisWeek).ThenByDescending(c => c.PriorWeeks).ThenBy(c => c.Category, StringComparer.Ordinal)
            .Take(TopCategories)
            .ToList();

        var slots = inputs.Slots.Where(s => s.Date >= week.From && s.Date < week.To).ToList();
        var posts = slots.GroupBy(s => s.Network ?? AnyNetwork, StringComparer.OrdinalIgnoreCase)
            .Select(g => new PostLine(g.Key, g.Count(s => s.Done), g.Count()))
            .OrderBy(p => p.Network, StringComparer.Ordinal)
            .ToList();

        var replies = inputs.Replies.Where(r => r.PublishedAt >= week.FromUtc && r.PublishedAt < week.ToUtc)
            .GroupBy(r => r.AuthorMemberId).ToDictionary(g => g.Key, g => g.Count());
        var posted = slots.Where(s => s.Done && s.DoneByMemberId is not null)
            .GroupBy(s => s.DoneByMemberId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var thanks = replies.Keys.Union(posted.Keys)
            .Where(inputs.Names.ContainsKey)
            .Select(id => new ThanksLine(inputs.Names[id], replies.GetValueOrDefault(id), posted.GetValueOrDefault(id)))
            .OrderByDescending(t => t.Replies + t.Posts).ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

        return new WeeklyDigest(week, thisWeek.Count, Average(thisWeek), sources, responses, urgent, categories, posts, thanks);
    }

    public static TimeSpan? Median(IReadOnlyList<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double? Average(IEnumerable<DigestReview> reviews)
    {
        var ratings = reviews.Where(r => r.Rating is not null).Select(r => (double)r.Rating!.Value).ToList();
        return ratings.Count == 0 ? null : ratings.Average();
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
