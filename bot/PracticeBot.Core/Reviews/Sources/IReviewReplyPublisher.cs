namespace PracticeBot.Core.Reviews.Sources;

/// <summary>A source that takes owner replies through its API (Google). Read-only sources do not implement it.</summary>
public interface IReviewReplyPublisher
{
    string Name { get; }

    /// <summary>Publishes (or replaces) the practice's public reply to the review with this <see cref="Review.ExternalId"/>.</summary>
    Task<ReplyPublishResult> PublishReplyAsync(string externalId, string text, CancellationToken cancellationToken);

    Task<ReplyPublishResult> DeleteReplyAsync(string externalId, CancellationToken cancellationToken);
}
