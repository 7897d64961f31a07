using System.Globalization;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;

namespace PracticeBot.Core.CheckIns;

/// <summary>
/// Finds what has stalled (pure). A rule fires when its threshold is reached: exactly 14 days without a post is a
/// stall, 13 days and 23 hours is not. A claimed review past its target is reported once, as overdue, not also as untouched; weeks below plan
/// with no post at all are reported as no post, not also as below plan.
/// </summary>
public static class StallDetector
{
    public static IReadOnlyList<Stall> Detect(StallInputs inputs, PracticeSettings settings)
    {
        var stalls = new List<Stall>();
        if (inputs.PlanOnSince is { } planSince)
        {
            var lastPost = inputs.LastPostAt ?? planSince;
            if (inputs.Now - lastPost >= TimeSpan.FromDays(settings.StallNoPostDays))
            {
                var days = Days(inputs.Now - lastPost);
                stalls.Add(new Stall(StallRule.NoRecentPost, "posting:activity", StallOwner.Volunteers, null,
                    inputs.LastPostAt is null ? $"No post yet, {days} days after the plan started." : $"No post in {days} days."));
            }
            else
            {
                BelowPlan(inputs, settings.StallBelowPlanWeeks, stalls);
            }

            if (inputs.ActiveVolunteers < settings.StallMinActiveVolunteers)
            {
                stalls.Add(new Stall(StallRule.NoActiveVolunteers, "posting:volunteers", StallOwner.Managers, null,
                    inputs.ActiveVolunteers == 0
                        ? "The posting plan is on, but no volunteer is available to post."
                        : $"The posting plan is on, but only {inputs.ActiveVolunteers} volunteer(s) are available to post."));
            }
        }

        foreach (var review in inputs.Reviews.OrderBy(r => r.Number))
        {
            var age = inputs.Now - review.ReceivedAt;
            if (age >= review.Target)
            {
                stalls.Add(new Stall(StallRule.ReviewOverdue, $"review:{review.Number}",
                    review.ClaimedByMemberId is null ? StallOwner.Responders : StallOwner.Member, review.ClaimedByMemberId,
                    $"Review #{review.Number} has waited {Ago(age)} for a reply (target: {review.Target.TotalHours:0} h).", review.Number));
            }
            else if (review.OwnerWorking && review.ClaimedByMemberId is { } owner
                && inputs.Now - review.LastTouchedAt >= TimeSpan.FromDays(settings.StallClaimedUntouchedDays))
            {
                stalls.Add(new Stall(StallRule.ClaimUntouched, $"review:{review.Number}", StallOwner.Member, owner,
                    $"Review #{review.Number} was claimed but hasn't moved in {Days(inputs.Now - review.LastTouchedAt)} days.", review.Number));
            }
        }

        foreach (var source in inputs.Sources.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            if (source.LastSuccessAt is { } last && inputs.Now - last >= TimeSpan.FromDays(settings.StallSourceUnsyncedDays))
            {
                stalls.Add(new Stall(StallRule.SourceNotSyncing, $"source:{source.Name}", StallOwner.Managers, null,
                    $"{Capital(source.Name)} reviews haven't synced in {Days(inputs.Now - last)} days."));
            }
        }

        return stalls;
    }

    private static void BelowPlan(StallInputs inputs, int weeks, List<Stall> stalls)
    {
        if (weeks < 1)
        {
            return;
        }

        var thisWeek = PostingClock.WeekStart(inputs.Today);
        var done = 0;
        var planned = 0;
        for (var k = 1; k <= weeks; k++)
        {
            var start = thisWeek.AddDays(-7 * k);
            var slots = inputs.Slots.Where(s => s.Date >= start && s.Date < start.AddDays(7)).ToList();
            if (slots.Count == 0 || slots.Count(s => s.Done) >= slots.Count)
            {
                return;
            }

            done += slots.Count(s => s.Done);
            planned += slots.Count;
        }

        stalls.Add(new Stall(StallRule.PostsBelowPlan, "posting:plan", StallOwner.Volunteers, null,
            $"Posts have been below plan {weeks} weeks in a row ({done} of {planned} done)."));
    }

    /// <summary>Hours under two days, days after that.</summary>
    public static string Ago(TimeSpan span) =>
        span < TimeSpan.FromDays(2) ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h") : $"{Days(span)} days";

    private static string Days(TimeSpan span) => ((int)Math.Floor(span.TotalDays)).ToString(CultureInfo.InvariantCulture);

    private static string Capital(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
