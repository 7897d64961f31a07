using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace PracticeBot.Host.Reviews.Sources.Push;

/// <summary>
/// Google's published signing keys (a JWKS document at <see cref="GooglePushOptions.JwksUrl"/>), cached for
/// <see cref="GooglePushOptions.KeysCacheFor"/>; a token signed with a key id not in the cache refreshes it, at most once a minute.
/// </summary>
public sealed class GoogleJwks(HttpClient http, IOptions<GooglePushOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<SecurityKey> _keys = [];
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;

    public void Dispose() => _gate.Dispose();

    public async Task<IReadOnlyList<SecurityKey>> KeysAsync(string? keyId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var known = keyId is null || _keys.Any(k => k.KeyId == keyId);
        if (now - _fetchedAt < options.Value.KeysCacheFor && (known || now - _fetchedAt < TimeSpan.FromMinutes(1)))
        {
            return _keys;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (time.GetUtcNow() - _fetchedAt >= TimeSpan.FromMinutes(1) || _keys.Count == 0)
            {
                var json = await http.GetStringAsync(options.Value.JwksUrl, ct);
                _keys = [.. new JsonWebKeySet(json).GetSigningKeys()];
                _fetchedAt = time.GetUtcNow();
            }

            return _keys;
        }
        finally
        {
            _gate.Release();
        }
    }
}
