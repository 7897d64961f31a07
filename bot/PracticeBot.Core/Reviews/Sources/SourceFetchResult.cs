namespace PracticeBot.Core.Reviews.Sources;

/// <summary>
/// The outcome of one fetch. A failed fetch carries no reviews at all: a sync either completes or changes nothing, so a
/// half-read answer never moves the cursor past reviews it did not deliver.
/// </summary>
/// <param name="Reason">Why it failed, in words for a manager; never a secret, never review text.</param>
public sealed record SourceFetchResult(SourceFetchStatus Status, IReadOnlyList<SourcedReview> Reviews, string? Cursor, string? Reason)
{
    public static SourceFetchResult Ok(IReadOnlyList<SourcedReview> reviews, string? cursor) => new(SourceFetchStatus.Ok, reviews, cursor, null);

    public static SourceFetchResult Failed(string reason) => new(SourceFetchStatus.Failed, [], null, reason);

    public static SourceFetchResult Unavailable(string reason) => new(SourceFetchStatus.Unavailable, [], null, reason);
}
