namespace PracticeBot.Adapters.Reviews.Google;

// The parts of the Business Profile API v4 review resources the bot reads.

internal sealed record GoogleReviewPage(List<GoogleReview>? Reviews, string? NextPageToken, int? TotalReviewCount);

internal sealed record GoogleReview(
    string? Name,
    string? ReviewId,
    GoogleReviewer? Reviewer,
    string? StarRating,
    string? Comment,
    DateTimeOffset? CreateTime,
    DateTimeOffset? UpdateTime,
    GoogleReviewReply? ReviewReply);

internal sealed record GoogleReviewer(string? DisplayName, bool IsAnonymous);

internal sealed record GoogleReviewReply(string? Comment, DateTimeOffset? UpdateTime);
