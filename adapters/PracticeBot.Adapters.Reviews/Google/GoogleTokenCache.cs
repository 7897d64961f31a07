namespace PracticeBot.Adapters.Reviews.Google;

/// <summary>The current access token, shared by every Google call of the process (a singleton).</summary>
public sealed class GoogleTokenCache
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(60);
    private readonly Lock _lock = new();
    private string? _token;
    private DateTimeOffset _expiresAt;

    internal SemaphoreSlim Gate { get; } = new(1, 1);

    internal string? Current(DateTimeOffset now)
    {
        lock (_lock)
        {
            return _token is not null && now < _expiresAt - Margin ? _token : null;
        }
    }

    internal void Store(string token, DateTimeOffset expiresAt)
    {
        lock (_lock)
        {
            (_token, _expiresAt) = (token, expiresAt);
        }
    }

    internal void Clear()
    {
        lock (_lock)
        {
            _token = null;
        }
    }
}
