using Microsoft.Extensions.Options;
using PracticeBot.Core.Conversation;

namespace PracticeBot.Core.Reviews.Sources;

/// <summary>
/// Practice slugs the configuration names for review sources. The sources of a slug (and Google's reply API with the
/// deployment's credentials) go to whichever practice holds it, so <c>practice setup</c> hands such a slug only to the
/// workspace that <c>Sources:Workspaces:&lt;slug&gt;</c> names, never to whoever sets up first.
/// </summary>
public sealed class SlugReservations(IEnumerable<IReviewSource> sources, IOptions<SourceWorkspacesOptions> options)
{
    /// <summary>The display names of the sources configured for <paramref name="slug"/>; empty when it is not reserved.</summary>
    public IReadOnlyList<string> SourcesOf(string slug) =>
        sources.Where(s => s.ConfiguredPractices.Contains(slug, StringComparer.Ordinal)).Select(s => s.DisplayName).Distinct().ToList();

    public bool IsReserved(string slug) => SourcesOf(slug).Count > 0 || options.Value.Workspaces.ContainsKey(slug);

    /// <summary>The configured workspace value that owns <paramref name="slug"/>, or null when none is named.</summary>
    public string? OwnerOf(string slug) => options.Value.Workspaces.GetValueOrDefault(slug);

    /// <summary>The reserved slugs whose owner is <paramref name="conversation"/>'s workspace.</summary>
    public IReadOnlyList<string> OwnedBy(ConversationReference conversation) =>
        options.Value.Workspaces.Where(w => SourceWorkspacesOptions.Names(w.Value, conversation)).Select(w => w.Key).Order(StringComparer.Ordinal).ToList();
}
