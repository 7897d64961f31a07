using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Reviews.Http;

namespace PracticeBot.Adapters.Reviews.Google;

/// <summary>
/// Access tokens from the OAuth 2.0 refresh-token grant, cached until shortly before they expire (so they are refreshed
/// before expiry), per refresh token: the deployment's (<c>Sources:Google:RefreshToken</c>) or a practice's connected
/// account. A 401 from the API invalidates the cached token so the next call refreshes it. Tokens are never logged.
/// </summary>
public sealed class GoogleTokenClient(HttpClient http, GoogleTokenCache cache, IOptions<GoogleSourceOptions> options, TimeProvider time)
{
    /// <param name="refreshToken">A practice's connected account, or null for the deployment's.</param>
    public async Task<string> GetAsync(CancellationToken ct, string? refreshToken = null)
    {
        var key = Key(refreshToken);
        if (cache.Current(key, time.GetUtcNow()) is { } token)
        {
            return token;
        }

        var gate = cache.Gate(key);
        await gate.WaitAsync(ct);
        try
        {
            if (cache.Current(key, time.GetUtcNow()) is { } fresh)
            {
                return fresh;
            }

            var o = options.Value;
            using var response = await http.PostAsync(o.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = o.ClientId ?? "",
                ["client_secret"] = o.ClientSecret ?? "",
                ["refresh_token"] = refreshToken ?? o.RefreshToken ?? "",
            }), ct);
            if (!response.IsSuccessStatusCode)
            {
                var error = await SourceResponses.ReadAsync<TokenError>(response, "Google", ct);
                throw new SourceCallFailedException(refreshToken is null
                    ? $"Google's token endpoint refused the refresh token ({SourceResponses.Describe(response.StatusCode)}" +
                      $"{(error.Value?.Error is { } code ? ", " + code : "")}); check {GoogleSourceOptions.SectionName}:RefreshToken"
                    : error.Value?.Error == "invalid_grant"
                        ? "Google says the token was revoked or has expired: reconnect with `practice connect google`"
                        : $"Google's token endpoint refused the connected account ({SourceResponses.Describe(response.StatusCode)}" +
                          $"{(error.Value?.Error is { } c ? ", " + c : "")}); if it persists, reconnect with `practice connect google`");
            }

            var (body, problem) = await SourceResponses.ReadAsync<TokenAnswer>(response, "Google's token endpoint", ct);
            if (body?.AccessToken is not { Length: > 0 } accessToken)
            {
                throw new SourceCallFailedException(problem ?? "Google's token endpoint answered without an access token");
            }

            cache.Store(key, accessToken, time.GetUtcNow().AddSeconds(Math.Max(60, body.ExpiresIn)));
            return accessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Invalidate(string? refreshToken = null) => cache.Clear(Key(refreshToken));

    private static string Key(string? refreshToken) =>
        refreshToken is null ? "deployment" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    private sealed record TokenError([property: JsonPropertyName("error")] string? Error);
}
