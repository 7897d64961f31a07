using System.Collections.Concurrent;

namespace PracticeBot.Adapters.Teams.Inbound;

/// <summary>
/// The service URLs this process has seen on authenticated activities or found on record, so that the check before
/// each send (<see cref="TeamsConversationStore.MayCallAsync"/>) usually needs no query. One per host (a singleton).
/// </summary>
public sealed class TrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, bool> _urls = new(StringComparer.Ordinal);

    public bool Contains(string url) => _urls.ContainsKey(url);

    public void Add(string url) => _urls.TryAdd(url, true);
}
