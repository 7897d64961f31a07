using System.Collections.Concurrent;

namespace PracticeBot.Adapters.Reviews.Google;

/// <summary>
/// The current access token of each refresh token (the deployment's and each practice's connected account), shared by
/// every Google call of the process (a singleton). Keyed by a hash of the refresh token, never the token itself.
/// </summary>
public sealed class GoogleTokenCache
{
    /// <summary>Access tokens are refreshed this long before they expire.</summary>
    internal static readonly TimeSpan Margin = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    internal SemaphoreSlim Gate(string key) => _entries.GetOrAdd(key, _ => new Entry()).Gate;

    internal string? Current(string key, DateTimeOffset now) =>
        _entries.TryGetValue(key, out var e) && e.Token is { } token && now < e.ExpiresAt - Margin ? token : null;

    internal void Store(string key, string token, DateTimeOffset expiresAt)
    {
        var entry = _entries.GetOrAdd(key, _ => new Entry());
        (entry.Token, entry.ExpiresAt) = (token, expiresAt);
    }

    internal void Clear(string key)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            entry.Token = null;
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public volatile string? Token;
        public DateTimeOffset ExpiresAt;
    }
}
