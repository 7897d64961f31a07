using System.Net;
using Microsoft.Extensions.Primitives;
using PracticeBot.Core.Reviews.Sources.Connections;

namespace PracticeBot.Host.Reviews.Sources;

/// <summary>
/// <c>GET /api/sources/{source}/callback</c>: where Google or Facebook sends the manager back after consent. The state
/// is claimed once (unknown, used or expired → a page saying to start again, nothing stored), the code exchanged with
/// the PKCE verifier, and the locations the account manages sent to the manager in chat to pick from.
/// </summary>
public static class SourceConnectApi
{
    public const string Path = "/api/sources/{source}/callback";

    public static async Task<IResult> CallbackAsync(
        string source, HttpContext http, IEnumerable<ISourceAuthorizer> authorizers, IServiceScopeFactory scopes, CancellationToken ct)
    {
        var authorizer = authorizers.FirstOrDefault(a => a.Source == source);
        var query = http.Request.Query;
        if (authorizer is null)
        {
            return Page(HttpStatusCode.NotFound, "Unknown source", "There is nothing to connect here.");
        }

        if (Single(query["state"]) is not { Length: > 0 and <= 200 } state)
        {
            return Page(HttpStatusCode.BadRequest, "Link incomplete", $"This address lacks its state. Run `practice connect {source}` in chat for a new link.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var authorizations = scope.ServiceProvider.GetRequiredService<SourceAuthorizations>();
        var claim = await authorizations.ClaimAsync(source, state, ct);
        if (claim is null)
        {
            return Page(HttpStatusCode.BadRequest, "Link expired or used",
                $"This sign-in link has expired or was already used. Run `practice connect {source}` in chat for a new one.");
        }

        if (Single(query["error"]) is { } error)
        {
            return Page(HttpStatusCode.OK, "Not connected",
                (error == "access_denied" ? "You did not allow access, so nothing was connected." : "The provider did not complete the sign-in, so nothing was connected.") +
                $" Run `practice connect {source}` in chat to try again.");
        }

        if (Single(query["code"]) is not { Length: > 0 and <= 2000 } code)
        {
            return Page(HttpStatusCode.BadRequest, "Link incomplete", $"The provider sent no code. Run `practice connect {source}` in chat to try again.");
        }

        AuthorizedAccount account;
        try
        {
            account = await authorizer.CompleteAsync(code, claim.CodeVerifier, ct);
        }
        catch (SourceAuthorizationException ex)
        {
            return Page(HttpStatusCode.BadGateway, "Not connected", ex.Message);
        }

        var message = await authorizations.StoreAsync(claim, account, ct);
        return Page(HttpStatusCode.OK, "Almost done", message);
    }

    private static string? Single(StringValues values) => values.Count == 1 ? values[0] : null;

    private static IResult Page(HttpStatusCode status, string title, string text) => Results.Content(
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>PracticeBot — {WebUtility.HtmlEncode(title)}</title></head>" +
        $"<body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p></body></html>",
        "text/html; charset=utf-8", System.Text.Encoding.UTF8, (int)status);
}
