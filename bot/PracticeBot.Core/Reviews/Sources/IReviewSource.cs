using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;

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

    /// <summary>How its reviews are recorded: <see cref="ReviewOrigin.Polled"/>, or <see cref="ReviewOrigin.Demo"/> for the demo feed.</summary>
    ReviewOrigin Origin { get; }

    /// <summary>
    /// The practice slugs this deployment's configuration connects to the source (<c>Sources:Google:Practices:&lt;slug&gt;</c>):
    /// reserved, so that no other workspace's <c>practice setup</c> can take one of them.
    /// </summary>
    IReadOnlyCollection<string> ConfiguredPractices { get; }

    /// <summary>True when this deployment has this source configured for the practice.</summary>
    bool Serves(Practice practice);

    /// <summary>The practice's reviews created or changed since <see cref="SourceQuery.Cursor"/>, and the next cursor.</summary>
    Task<SourceFetchResult> FetchAsync(SourceQuery query, CancellationToken cancellationToken);
}
