using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using PracticeBot.Core.Dashboard;

namespace PracticeBot.Host.Dashboard;

/// <summary>
/// The dashboard's session: a cookie of its own scheme (never the default, so no other endpoint reads it) holding who
/// signed in (platform and user id); what they may see is decided again on every request (<see cref="DashboardViewers"/>).
/// </summary>
public static class DashboardSession
{
    public const string Scheme = "PracticeBot.Dashboard";
    public const string CookieName = "practicebot.dashboard";
    private const string PlatformClaim = "pb:platform";
    private const string UserClaim = "pb:user";

    public static void Configure(CookieAuthenticationOptions options, TimeProvider time)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.Path = "/dashboard";
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = DashboardTokens.SessionLifetime;
        options.SlidingExpiration = false;
        options.TimeProvider = time;
        options.Events.OnSigningIn = context =>
        {
            context.CookieOptions.Secure = MustBeSecure(context.HttpContext);
            return Task.CompletedTask;
        };
    }

    /// <summary>Secure everywhere except on a loopback address over plain http (a developer's own machine).</summary>
    public static bool MustBeSecure(HttpContext http) => http.Request.IsHttps || !IsLoopback(http);

    public static Task SignInAsync(HttpContext http, DashboardPerson person, DateTimeOffset now)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(PlatformClaim, person.Platform),
                new Claim(UserClaim, person.UserId),
                new Claim(ClaimTypes.Name, person.Name ?? person.UserId),
            ],
            Scheme);
        return http.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties
        {
            IsPersistent = false,
            IssuedUtc = now,
            ExpiresUtc = now + DashboardTokens.SessionLifetime,
            AllowRefresh = false,
        });
    }

    /// <summary>Who is signed in, or null.</summary>
    public static async Task<SignedInPerson?> WhoAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(Scheme);
        var principal = result.Succeeded ? result.Principal : null;
        return principal?.FindFirst(PlatformClaim)?.Value is { } platform && principal.FindFirst(UserClaim)?.Value is { } user
            ? new SignedInPerson(platform, user, principal.Identity?.Name ?? user)
            : null;
    }

    private static bool IsLoopback(HttpContext http)
    {
        var host = http.Request.Host.Host;
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed record SignedInPerson(string Platform, string UserId, string Name);
