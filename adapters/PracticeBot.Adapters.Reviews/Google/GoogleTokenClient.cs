using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Reviews.Http;

namespace PracticeBot.Adapters.Reviews.Google;

/// <summary>
/// Access tokens from the OAuth 2.0 refresh-token grant, cached until shortly before they expire. A 401 from the API
/// invalidates the cached token so the next call refreshes it. Tokens are never logged.
/// </summary>
public sealed class GoogleTokenClient(HttpClient http, GoogleTokenCache cache, IOptions<GoogleSourceOptions> options, TimeProvider time)
{
    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (cache.Current(time.GetUtcNow()) is { } token)
        {
            return token;
        }

        await cache.Gate.WaitAsync(ct);
        try
        {
            if (cache.Current(time.GetUtcNow()) is { } fresh)
            {
                return fresh;
            }

            var o = options.Value;
            using var response = await http.PostAsync(o.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = o.ClientId ?? "",
                ["client_secret"] = o.ClientSecret ?? "",
                ["refresh_token"] = o.RefreshToken ?? "",
            }), ct);
            if (!response.IsSuccessStatusCode)
            {
                var error = await SourceResponses.ReadAsync<TokenError>(response, "Google", ct);
                throw new SourceCallFailedException(
                    $"Google's token endpoint refused the refresh token ({SourceResponses.Describe(response.StatusCode)}" +
                    $"{(error.Value?.Error is { } code ? ", " + code : "")}); check {GoogleSourceOptions.SectionName}:RefreshToken");
            }

            var (body, problem) = await SourceResponses.ReadAsync<TokenAnswer>(response, "Google's token endpoint", ct);
            if (body?.AccessToken is not { Length: > 0 } accessToken)
            {
                throw new SourceCallFailedException(problem ?? "Google's token endpoint answered without an access token");
            }

            cache.Store(accessToken, time.GetUtcNow().AddSeconds(Math.Max(60, body.ExpiresIn)));
            return accessToken;
        }
        finally
        {
            cache.Gate.Release();
        }
    }

    public void Invalidate() => cache.Clear();

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    private sealed record TokenError([property: JsonPropertyName("error")] string? Error);
}
