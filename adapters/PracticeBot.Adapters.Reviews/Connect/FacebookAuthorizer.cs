using System.Net.Http.Headers;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Reviews.Facebook;
using PracticeBot.Adapters.Reviews.Http;
using PracticeBot.Core.Hosting;
using PracticeBot.Core.Reviews.Sources.Connections;

namespace PracticeBot.Adapters.Reviews.Connect;

/// <summary>
/// Connecting a Facebook page from chat (Facebook Login, manual flow): the Login dialog, the code exchanged for a user
/// token (<c>GET /oauth/access_token</c>), that token exchanged for a long-lived one (<c>grant_type=fb_exchange_token</c>)
/// so that the page tokens read from <c>GET /me/accounts</c> do not expire. Once a page is picked the app is subscribed
/// to its <c>ratings</c> webhooks (<c>POST /{page-id}/subscribed_apps</c>); disconnecting unsubscribes it. The user
/// token itself is not kept.
/// </summary>
public sealed class FacebookAuthorizer(HttpClient http, IOptions<FacebookSourceOptions> options, IPublicLinks links) : ISourceAuthorizer
{
    public string Source => FacebookReviewSource.SourceName;

    /// <summary>The Login dialog's server-side flow authenticates with the app secret; no PKCE.</summary>
    public bool UsesPkce => false;

    public string? MissingConfiguration =>
        string.IsNullOrWhiteSpace(options.Value.AppId) || string.IsNullOrWhiteSpace(options.Value.AppSecret)
            ? $"{FacebookSourceOptions.SectionName}:AppId and AppSecret are not set"
            : ConnectCallback.Uri(links, Source) is null ? ConnectCallback.MissingSetting : null;

    public Uri AuthorizationUrl(string state, string? codeVerifier) => OAuthQuery.Build(
        $"{Root(options.Value.DialogBaseUrl)}{options.Value.ApiVersion}/dialog/oauth",
        [
            ("client_id", options.Value.AppId),
            ("redirect_uri", ConnectCallback.Uri(links, Source)),
            ("state", state),
            ("response_type", "code"),
            ("scope", options.Value.Scopes),
        ]);

    public async Task<AuthorizedAccount> CompleteAsync(string code, string? codeVerifier, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var shortLived = await GetAsync<TokenAnswer>(OAuthQuery.Build($"{Graph()}oauth/access_token",
        [
            ("client_id", o.AppId), ("redirect_uri", ConnectCallback.Uri(links, Source)), ("client_secret", o.AppSecret), ("code", code),
        ]), null, cancellationToken);
        if (shortLived.AccessToken is not { Length: > 0 } token)
        {
            throw new SourceAuthorizationException("Facebook answered the sign-in without a token. Run `practice connect facebook` again.");
        }

        var longLived = await GetAsync<TokenAnswer>(OAuthQuery.Build($"{Graph()}oauth/access_token",
        [
            ("grant_type", "fb_exchange_token"), ("client_id", o.AppId), ("client_secret", o.AppSecret), ("fb_exchange_token", token),
        ]), null, cancellationToken);
        var user = longLived.AccessToken is { Length: > 0 } l ? l : token;
        var me = await GetAsync<Named>(new Uri($"{Graph()}me?fields=name"), user, cancellationToken);
        var pages = await GetAsync<PagesAnswer>(new Uri($"{Graph()}me/accounts?fields=id,name,access_token&limit=100"), user, cancellationToken);
        var choices = (pages.Data ?? [])
            .Where(p => p.Id is { Length: > 0 } && p.AccessToken is { Length: > 0 })
            .Select(p => new LocationChoice(p.Id!, string.IsNullOrWhiteSpace(p.Name) ? p.Id! : p.Name, p.AccessToken))
            .ToList();
        return new AuthorizedAccount(me.Name ?? "your Facebook account", null, choices);
    }

    public async Task<string?> ActivateAsync(ConnectedAccount account, CancellationToken cancellationToken) =>
        await SubscribeAsync(HttpMethod.Post, account, cancellationToken);

    public async Task<string?> RevokeAsync(ConnectedAccount account, CancellationToken cancellationToken) =>
        await SubscribeAsync(HttpMethod.Delete, account, cancellationToken);

    private async Task<string?> SubscribeAsync(HttpMethod method, ConnectedAccount account, CancellationToken ct)
    {
        if (account.Secret is null)
        {
            return null;
        }

        var url = method == HttpMethod.Post
            ? $"{Graph()}{Uri.EscapeDataString(account.Location)}/subscribed_apps?subscribed_fields=ratings"
            : $"{Graph()}{Uri.EscapeDataString(account.Location)}/subscribed_apps";
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.Secret);
        try
        {
            using var response = await http.SendAsync(request, ct);
            return response.IsSuccessStatusCode ? null : $"Facebook answered {SourceResponses.Describe(response.StatusCode)}";
        }
        catch (Exception ex) when (HttpFailures.Describe(ex, "Facebook") is { } reason)
        {
            return reason;
        }
    }

    private async Task<T> GetAsync<T>(Uri url, string? token, CancellationToken ct)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new SourceAuthorizationException($"Facebook did not accept the sign-in ({SourceResponses.Describe(response.StatusCode)}). Run `practice connect facebook` again.");
            }

            var (body, problem) = await SourceResponses.ReadAsync<T>(response, "Facebook", ct);
            return body ?? throw new SourceAuthorizationException($"{problem}. Run `practice connect facebook` again.");
        }
        catch (Exception ex) when (ex is not SourceAuthorizationException && HttpFailures.Describe(ex, "Facebook") is { } reason)
        {
            throw new SourceAuthorizationException($"{reason}. Run `practice connect facebook` again.");
        }
    }

    private string Graph() => $"{Root(options.Value.BaseUrl)}{options.Value.ApiVersion}/";

    private static string Root(string url) => url.EndsWith('/') ? url : url + "/";

    private sealed record TokenAnswer([property: JsonPropertyName("access_token")] string? AccessToken);

    private sealed record Named(string? Id, string? Name);

    private sealed record PagesAnswer(List<PageAnswer>? Data);

    private sealed record PageAnswer(string? Id, string? Name, [property: JsonPropertyName("access_token")] string? AccessToken);
}
