using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Reviews.Sources;

/// <summary>
/// A source that takes owner replies through its API (Google). Read-only sources do not implement it. It speaks with
/// the deployment's credentials, which reach every location they manage, so it must only ever answer a review that was
/// read from one of the practice's own configured locations: <see cref="ReplyThroughSource"/> asks first, and each
/// implementation checks again itself before it calls the source.
/// </summary>
public interface IReviewReplyPublisher
{
    string Name { get; }

    /// <summary>True when <paramref name="sourceLocation"/> is, in the configuration as it is now, one of the practice's locations.</summary>
    bool Serves(Practice practice, string sourceLocation);

    /// <summary>Publishes (or replaces) the practice's public reply to the review; refuses, without calling the source, a review not of its locations.</summary>
    Task<ReplyPublishResult> PublishReplyAsync(Practice practice, Review review, string text, CancellationToken cancellationToken);

    /// <summary>Removes the practice's public reply to the review; the same refusal as <see cref="PublishReplyAsync"/>.</summary>
    Task<ReplyPublishResult> DeleteReplyAsync(Practice practice, Review review, CancellationToken cancellationToken);
}
