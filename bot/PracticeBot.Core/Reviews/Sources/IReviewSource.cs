using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Reviews.Sources;

/// <summary>
/// A place reviews come from that the bot polls (Google, Yelp, Facebook, the demo). Implementations live in
/// <c>PracticeBot.Adapters.Reviews</c>; they report failures as a <see cref="SourceFetchResult"/>, not by throwing.
/// </summary>
public interface IReviewSource
{
    /// <summary>Lower-case id: the poll schedule's data and the <see cref="SourceSync.Source"/> of its state.</summary>
    string Name { get; }

    /// <summary>What managers read: "Google", "Yelp".</summary>
    string DisplayName { get; }

    TimeSpan PollInterval { get; }

    /// <summary>True when this deployment has this source configured for the practice.</summary>
    bool Serves(Practice practice);

    /// <summary>The practice's reviews created or changed since <see cref="SourceQuery.Cursor"/>, and the next cursor.</summary>
    Task<SourceFetchResult> FetchAsync(SourceQuery query, CancellationToken cancellationToken);
}
