using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace PracticeBot.Adapters.Teams.Outbound;

/// <summary>
/// The bot's access token for the connector, by client credentials; cached until five minutes before it expires.
/// Without an app id (local mode) there is none (the Playground's connector takes unauthenticated calls).
/// </summary>
public sealed class BotTokenProvider(HttpClient http, IOptions<TeamsOptions> options, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _refreshAt;

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var teams = options.Value;
        if (!teams.IsConfigured)
        {
            return null;
        }

        if (_token is { } cached && time.GetUtcNow() < _refreshAt)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } fresh && time.GetUtcNow() < _refreshAt)
            {
                return fresh;
            }

            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = teams.AppId!,
                ["client_secret"] = teams.AppPassword ?? "",
                ["scope"] = TeamsOptions.BotFrameworkScope,
            });
            using var response = await http.PostAsync(new Uri(teams.EffectiveTokenEndpoint), form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"The token endpoint answered {(int)response.StatusCode}.", null, response.StatusCode);
            }

            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new HttpRequestException("The token endpoint answered with no token.");
            if (string.IsNullOrEmpty(body.AccessToken))
            {
                throw new HttpRequestException("The token endpoint answered with no token.");
            }

            var lifetime = TimeSpan.FromSeconds(Math.Max(body.ExpiresIn, 60));
            _refreshAt = time.GetUtcNow() + (lifetime > RefreshMargin * 2 ? lifetime - RefreshMargin : lifetime / 2);
            _token = body.AccessToken;
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Forgets the token, after the connector said 401 to it.</summary>
    public void Invalidate() => _token = null;

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
