using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Slack.WebApi;

namespace PracticeBot.Adapters.Slack.Install;

/// <summary>
/// Multi-workspace install through Slack's OAuth v2: <c>GET /slack/install</c> sends the installer to Slack's
/// consent screen with a signed, short-lived <c>state</c>; <c>GET /slack/oauth_redirect</c> checks it, exchanges
/// the code for the workspace's bot token and stores it encrypted. Off (404) unless <c>Slack:ClientId</c> is set.
/// </summary>
public static partial class SlackInstallApi
{
    public const string InstallPath = "/slack/install";
    public const string RedirectPath = "/slack/oauth_redirect";

    public static IEndpointRouteBuilder MapSlackInstall(this IEndpointRouteBuilder app)
    {
        app.MapGet(InstallPath, Install);
        app.MapGet(RedirectPath, RedirectAsync);
        return app;
    }

    private static IResult Install(HttpContext http, IOptions<SlackOptions> options, OAuthState states)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.ClientId))
        {
            return Results.NotFound();
        }

        var (state, nonce) = states.Create();
        http.Response.Cookies.Append(OAuthState.CookieName, nonce, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = OAuthState.Lifetime,
            Path = RedirectPath,
        });
        var url = QueryHelpers.AddQueryString(settings.AuthorizeUrl, new Dictionary<string, string?>
        {
            ["client_id"] = settings.ClientId,
            ["scope"] = string.Join(',', SlackScopes.Bot),
            ["state"] = state,
            ["redirect_uri"] = RedirectUri(http.Request),
        });
        return Results.Redirect(url);
    }

    private static async Task<IResult> RedirectAsync(
        HttpContext http,
        IOptions<SlackOptions> options,
        OAuthState states,
        SlackApiClient api,
        SlackTokenStore tokens,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.Value.ClientId))
        {
            return Results.NotFound();
        }

        var query = http.Request.Query;
        if (!states.IsValid(query["state"], http.Request.Cookies[OAuthState.CookieName]))
        {
            return Page(StatusCodes.Status400BadRequest, "This install link has expired or was not started here. Start again from /slack/install.");
        }

        http.Response.Cookies.Delete(OAuthState.CookieName, new CookieOptions { Path = RedirectPath });
        if (!string.IsNullOrEmpty(query["error"]) || string.IsNullOrEmpty(query["code"]))
        {
            return Page(StatusCodes.Status400BadRequest, "The installation was cancelled in Slack; nothing was installed.");
        }

        var logger = loggers.CreateLogger(typeof(SlackInstallApi).FullName!);
        SlackOAuthAccess access;
        try
        {
            access = await api.OAuthV2AccessAsync(query["code"]!, RedirectUri(http.Request), ct);
        }
        catch (SlackApiException ex)
        {
            LogExchangeFailed(logger, ex.Error);
            return Page(StatusCodes.Status502BadGateway, $"Slack did not complete the installation ({ex.Error}). Please try again.");
        }

        await tokens.SaveAsync(access, time.GetUtcNow(), ct);
        LogInstalled(logger, access.WorkspaceId);
        var name = WebUtility.HtmlEncode(access.TeamName ?? "your workspace");
        return Page(StatusCodes.Status200OK,
            $"PracticeBot is installed in {name}. Next, in the channel where review cards should go, run " +
            "<code>/practice setup \"Practice name\" America/Chicago</code>: you become the practice's manager.");
    }

    /// <summary>Must match a redirect URL of the app's OAuth settings (the manifest's <c>redirect_urls</c>).</summary>
    private static string RedirectUri(HttpRequest request) => $"{request.Scheme}://{request.Host}{RedirectPath}";

    private static IResult Page(int status, string html) => Results.Content(
        $"<!doctype html><meta charset=\"utf-8\"><title>PracticeBot</title><p>{html}</p>", "text/html; charset=utf-8", statusCode: status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack workspace {WorkspaceId} installed PracticeBot")]
    private static partial void LogInstalled(ILogger logger, string workspaceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "oauth.v2.access failed with {Error}")]
    private static partial void LogExchangeFailed(ILogger logger, string error);
}
