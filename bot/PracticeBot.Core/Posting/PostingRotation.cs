namespace PracticeBot.Core.Posting;

/// <summary>
/// The fair rotation (pure and deterministic). Each slot, in date order, goes to the available volunteer with the
/// fewest duties in the window (usually the last 8 weeks), ties broken by who posted least recently, then by member
/// id. Nobody gets two slots on one day while someone else available has none that day. Away and opted-out people
/// (absent from <c>volunteers</c>) get nothing.
/// </summary>
public static class PostingRotation
{
    public const int WindowWeeks = 8;

    /// <param name="slots">The dates to fill, one entry per slot.</param>
    /// <param name="volunteers">Who may be assigned, with the days each is away.</param>
    /// <param name="history">Duties per member in the window and the date each last posted.</param>
    /// <param name="taken">Slots already held on the days concerned (date, member), for the one-per-day rule.</param>
    /// <returns>The member for each slot, in the order of <paramref name="slots"/>; null where nobody is available.</returns>
    public static IReadOnlyList<long?> Assign(
        IReadOnlyList<DateOnly> slots,
        IReadOnlyList<RotationVolunteer> volunteers,
        IReadOnlyDictionary<long, RotationHistory> history,
        IReadOnlyList<(DateOnly Date, long MemberId)>? taken = null)
    {
        var duties = volunteers.ToDictionary(v => v.MemberId, v => history.GetValueOrDefault(v.MemberId)?.Duties ?? 0);
        var lastPosted = volunteers.ToDictionary(v => v.MemberId, v => history.GetValueOrDefault(v.MemberId)?.LastPosted);
        var onDay = (taken ?? []).ToHashSet();
        var result = new long?[slots.Count];

        foreach (var index in Enumerable.Range(0, slots.Count).OrderBy(i => slots[i]).ThenBy(i => i))
        {
            var date = slots[index];
            var available = volunteers.Where(v => !v.IsAwayOn(date)).ToList();
            if (available.Count == 0)
            {
                continue;
            }

            var freeThatDay = available.Where(v => !onDay.Contains((date, v.MemberId))).ToList();
            var chosen = (freeThatDay.Count > 0 ? freeThatDay : available)
                .OrderBy(v => duties[v.MemberId])
                .ThenBy(v => lastPosted[v.MemberId] ?? DateOnly.MinValue)
                .ThenBy(v => v.MemberId)
                .First();

            result[index] = chosen.MemberId;
            duties[chosen.MemberId]++;
            lastPosted[chosen.MemberId] = date;
            onDay.Add((date, chosen.MemberId));
        }

        return result;
    }
}

/// <summary>A volunteer as the rotation sees them.</summary>
public sealed record RotationVolunteer(long MemberId, IReadOnlyList<(DateOnly From, DateOnly To)> Away)
{
    public RotationVolunteer(long memberId)
        : this(memberId, [])
    {
    }

    public bool IsAwayOn(DateOnly date) => Away.Any(a => a.From <= date && date <= a.To);
}

/// <summary>How much a volunteer did lately: duties in the window, and the last day they posted (or were due to).</summary>
public sealed record RotationHistory(int Duties, DateOnly? LastPosted);
