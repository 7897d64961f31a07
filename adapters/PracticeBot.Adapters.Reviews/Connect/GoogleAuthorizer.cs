using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Reviews.Google;
using PracticeBot.Adapters.Reviews.Http;
using PracticeBot.Core.Hosting;
using PracticeBot.Core.Reviews.Sources.Connections;

namespace PracticeBot.Adapters.Reviews.Connect;

/// <summary>
/// Connecting Google Business Profile from chat: the OAuth 2.0 authorization-code flow with PKCE (S256) and offline
/// access (a refresh token), then the accounts the person manages (Account Management API <c>v1/accounts</c>) and their
/// locations (Business Information API <c>v1/{account}/locations?readMask=name,title</c>). Disconnecting revokes the
/// refresh token (<c>POST {RevokeEndpoint}</c>).
/// </summary>
public sealed class GoogleAuthorizer(HttpClient http, IOptions<GoogleSourceOptions> options, IPublicLinks links) : ISourceAuthorizer
{
    public const string Scope = "https://www.googleapis.com/auth/business.manage";
    private const int MaxPages = 10;

    public string Source => GoogleReviewSource.SourceName;

    public bool UsesPkce => true;

    public string? MissingConfiguration =>
        string.IsNullOrWhiteSpace(options.Value.ClientId) || string.IsNullOrWhiteSpace(options.Value.ClientSecret)
            ? $"{GoogleSourceOptions.SectionName}:ClientId and ClientSecret are not set"
            : ConnectCallback.Uri(links, Source) is null ? ConnectCallback.MissingSetting : null;

    public Uri AuthorizationUrl(string state, string? codeVerifier) => OAuthQuery.Build(options.Value.AuthorizationEndpoint,
    [
        ("client_id", options.Value.ClientId),
        ("redirect_uri", ConnectCallback.Uri(links, Source)),
        ("response_type", "code"),
        ("scope", Scope),
        ("access_type", "offline"),
        ("prompt", "consent"),
        ("include_granted_scopes", "true"),
        ("state", state),
        ("code_challenge", codeVerifier is null ? null : OAuthQuery.Challenge(codeVerifier)),
        ("code_challenge_method", codeVerifier is null ? null : "S256"),
    ]);

    public async Task<AuthorizedAccount> CompleteAsync(string code, string? codeVerifier, CancellationToken cancellationToken)
    {
        var o = options.Value;
        TokenAnswer? tokens;
        try
        {
            using var response = await http.PostAsync(o.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["client_id"] = o.ClientId ?? "",
                ["client_secret"] = o.ClientSecret ?? "",
                ["redirect_uri"] = ConnectCallback.Uri(links, Source) ?? "",
                ["code_verifier"] = codeVerifier ?? "",
            }), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new SourceAuthorizationException($"Google did not accept the sign-in ({SourceResponses.Describe(response.StatusCode)}). Run `practice connect google` again.");
            }

            (tokens, _) = await SourceResponses.ReadAsync<TokenAnswer>(response, "Google", cancellationToken);
        }
        catch (Exception ex) when (ex is not SourceAuthorizationException && HttpFailures.Describe(ex, "Google") is { } reason)
        {
            throw new SourceAuthorizationException($"{reason}. Run `practice connect google` again.");
        }

        if (tokens?.AccessToken is not { Length: > 0 } access)
        {
            throw new SourceAuthorizationException("Google answered the sign-in without an access token. Run `practice connect google` again.");
        }

        if (tokens.RefreshToken is not { Length: > 0 } refresh)
        {
            throw new SourceAuthorizationException("Google gave no refresh token, so the bot could not keep reading reviews. Run `practice connect google` again and accept every permission asked.");
        }

        if (tokens.Scope is { } granted && !granted.Split(' ').Contains(Scope, StringComparer.Ordinal))
        {
            throw new SourceAuthorizationException("The permission to manage the Business Profile was not granted. Run `practice connect google` again and tick it.");
        }

        var choices = new List<LocationChoice>();
        string? accountName = null;
        foreach (var account in await ListAsync<AccountsPage, GoogleAccount>(new Uri(Root(o.AccountsBaseUrl), "v1/accounts"), access, p => p.Accounts, cancellationToken))
        {
            if (account.Name is not { Length: > 0 } name || !name.StartsWith("accounts/", StringComparison.Ordinal))
            {
                continue;
            }

            accountName ??= account.AccountName;
            var url = new Uri(Root(o.BusinessInformationBaseUrl), $"v1/{name}/locations?readMask=name,title&pageSize=100");
            foreach (var location in await ListAsync<LocationsPage, GoogleBusinessLocation>(url, access, p => p.Locations, cancellationToken))
            {
                if (location.Name is { Length: > 0 } l && l.StartsWith("locations/", StringComparison.Ordinal))
                {
                    var label = string.IsNullOrWhiteSpace(location.Title) ? l : location.Title;
                    choices.Add(new LocationChoice($"{name}/{l}", account.AccountName is { Length: > 0 } a && a != label ? $"{label} ({a})" : label));
                }
            }
        }

        return new AuthorizedAccount(accountName ?? "your Google account", refresh, choices);
    }

    public Task<string?> ActivateAsync(ConnectedAccount account, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public async Task<string?> RevokeAsync(ConnectedAccount account, CancellationToken cancellationToken)
    {
        if (account.Secret is null)
        {
            return null;
        }

        try
        {
            using var response = await http.PostAsync(options.Value.RevokeEndpoint,
                new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = account.Secret }), cancellationToken);
            return response.IsSuccessStatusCode ? null : $"Google answered {SourceResponses.Describe(response.StatusCode)}";
        }
        catch (Exception ex) when (HttpFailures.Describe(ex, "Google") is { } reason)
        {
            return reason;
        }
    }

    private async Task<List<TItem>> ListAsync<TPage, TItem>(Uri first, string accessToken, Func<TPage, List<TItem>?> items, CancellationToken ct)
        where TPage : class, IPaged
    {
        var all = new List<TItem>();
        string? pageToken = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var url = pageToken is null ? first : new Uri(first.AbsoluteUri + (first.Query.Length > 0 ? "&" : "?") + "pageToken=" + Uri.EscapeDataString(pageToken));
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            try
            {
                using var response = await http.SendAsync(request, ct);
                if (!response.IsSuccessStatusCode)
                {
                    throw new SourceAuthorizationException($"Google refused to list the Business Profile locations ({SourceResponses.Describe(response.StatusCode)}). " +
                                                           "Check that the account manages the practice's profile, then run `practice connect google` again.");
                }

                var (body, problem) = await SourceResponses.ReadAsync<TPage>(response, "Google", ct);
                if (body is null)
                {
                    throw new SourceAuthorizationException($"{problem}. Run `practice connect google` again.");
                }

                all.AddRange(items(body) ?? []);
                pageToken = body.NextPageToken;
            }
            catch (Exception ex) when (ex is not SourceAuthorizationException && HttpFailures.Describe(ex, "Google") is { } reason)
            {
                throw new SourceAuthorizationException($"{reason}. Run `practice connect google` again.");
            }

            if (string.IsNullOrEmpty(pageToken))
            {
                break;
            }
        }

        return all;
    }

    private static Uri Root(string url) => new(url.EndsWith('/') ? url : url + "/");

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("scope")] string? Scope);

    internal interface IPaged
    {
        string? NextPageToken { get; }
    }

    private sealed record AccountsPage(List<GoogleAccount>? Accounts, string? NextPageToken) : IPaged;

    private sealed record GoogleAccount(string? Name, string? AccountName);

    private sealed record LocationsPage(List<GoogleBusinessLocation>? Locations, string? NextPageToken) : IPaged;

    private sealed record GoogleBusinessLocation(string? Name, string? Title);
}
