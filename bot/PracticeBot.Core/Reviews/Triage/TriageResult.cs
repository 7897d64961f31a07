namespace PracticeBot.Core.Reviews.Triage;

/// <summary>What triage made of a review: whether it is urgent, what it complains about, and whether it looks like abuse.</summary>
/// <param name="Categories">Category ids in catalogue order (<see cref="ComplaintCategories"/>); empty when none applies.</param>
/// <param name="Matches">For each category, the phrase that matched: triage is transparent, so people can see why.</param>
public sealed record TriageResult(bool Urgent, IReadOnlyList<string> Categories, IReadOnlyDictionary<string, string> Matches, bool SuspectedAbuse)
{
    public string? PrimaryCategory => Categories.Count > 0 ? Categories[0] : null;
}
