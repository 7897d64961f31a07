using System.Net;
using Microsoft.AspNetCore.Http;

namespace PracticeBot.Adapters.Teams.Auth;

/// <summary>
/// Whether an unauthenticated request may be taken as coming from this machine (local mode: the Teams adapter without
/// an app id, the local chat). Only a direct loopback connection is: a request that passed a proxy (any forwarding
/// header, even from a proxy on this host) or whose remote address is unknown is never local.
/// </summary>
public static class LocalRequest
{
    /// <summary>Headers a reverse proxy, load balancer or sidecar adds; their presence alone means "not from here".</summary>
    public static readonly IReadOnlyList<string> ForwardingHeaders =
        ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "X-Original-For"];

    /// <summary>Null when the request is local; otherwise why not, in words fit for the caller.</summary>
    public static string? RefusalOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (ForwardingHeaders.FirstOrDefault(h => http.Request.Headers.ContainsKey(h)) is { } header)
        {
            return $"The request came through a proxy ({header} header), so it is not from this machine: local mode only answers direct loopback connections.";
        }

        if (http.Connection.RemoteIpAddress is not { } remote)
        {
            return "The request has no remote address, so it cannot be shown to come from this machine: local mode only answers direct loopback connections.";
        }

        return IPAddress.IsLoopback(remote)
            ? null
            : "Local mode only answers on this machine (loopback connections).";
    }

    /// <summary>True for an absolute http(s) URL on a loopback host: the only service URLs local mode calls.</summary>
    public static bool IsLoopbackUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
}
