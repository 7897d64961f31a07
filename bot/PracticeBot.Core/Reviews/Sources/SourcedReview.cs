namespace PracticeBot.Core.Reviews.Sources;

/// <summary>
/// A review as a source reports it, in neutral form: what every connector, the webhook and the CSV import produce.
/// Its text and author may carry health information: never log them.
/// </summary>
/// <param name="Source">Lower-case source name: google, yelp, facebook, healthgrades, …</param>
/// <param name="ExternalId">The source's own id: with the practice and source, what identifies the review.</param>
/// <param name="Rating">1–5 stars, or null for a recommendation.</param>
/// <param name="Recommendation"><c>positive</c> or <c>negative</c>, for sources that recommend instead of rating.</param>
/// <param name="UpdatedAt">When the source last changed it, if the source says.</param>
/// <param name="HasOwnerReply">The source shows a reply by the practice.</param>
/// <param name="SourceLocation">
/// For a polled review, the configured location it was read from (see <see cref="Review.SourceLocation"/>); ingestion
/// ignores it for pushed reviews.
/// </param>
public sealed record SourcedReview(
    string Source,
    string ExternalId,
    int? Rating,
    string? Recommendation,
    string? Author,
    string? Text,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt = null,
    string? Url = null,
    string? Location = null,
    bool HasOwnerReply = false,
    string? SourceLocation = null);
