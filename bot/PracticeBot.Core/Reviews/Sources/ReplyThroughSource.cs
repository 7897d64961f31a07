using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Reviews.Sources;

/// <summary>
/// The one rule for replying through a source's API (pure): only a review the bot itself read from a location the
/// configuration gives to this practice, checked when publishing is asked for and again when the reply is sent. A
/// review pushed by webhook or CSV names its source and id on the sender's word alone, so it is answered by hand.
/// </summary>
public static class ReplyThroughSource
{
    /// <summary>The publisher that may answer the review now, or null when it is answered by hand.</summary>
    public static IReviewReplyPublisher? PublisherFor(Practice practice, Review review, IEnumerable<IReviewReplyPublisher> publishers) =>
        review.Origin == ReviewOrigin.Polled && review.SourceLocation is { Length: > 0 } location
            ? publishers.FirstOrDefault(p => string.Equals(p.Name, review.Source, StringComparison.OrdinalIgnoreCase) && p.Serves(practice, location))
            : null;

    /// <summary>Why a review with no <see cref="PublisherFor"/> is answered by hand, in words for staff.</summary>
    public static string WhyByHand(Review review, IEnumerable<IReviewReplyPublisher> publishers)
    {
        var source = ReviewCards.SourceName(review.Source);
        if (!publishers.Any(p => string.Equals(p.Name, review.Source, StringComparison.OrdinalIgnoreCase)))
        {
            return $"{source} has no reply API here";
        }

        return review.Origin switch
        {
            ReviewOrigin.Polled => $"this review's {source} location is no longer connected to this practice, so PracticeBot does not reply to it on {source}",
            ReviewOrigin.Webhook or ReviewOrigin.Csv or ReviewOrigin.Email or ReviewOrigin.Demo or ReviewOrigin.Unknown =>
                $"this review came {Arrival(review.Origin)}, not from the practice's connected {source} location, so PracticeBot does not reply to it through {source}",
            _ => $"PracticeBot does not reply to this review through {source}",
        };
    }

    private static string Arrival(ReviewOrigin origin) => origin switch
    {
        ReviewOrigin.Webhook => "through the webhook",
        ReviewOrigin.Csv => "from a CSV import",
        ReviewOrigin.Demo => "from the demo feed",
        ReviewOrigin.Email => "from an alert e-mail",
        _ => "before PracticeBot recorded where reviews come from",
    };
}
