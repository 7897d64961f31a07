using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Dashboard;

namespace PracticeBot.Host.Dashboard;

/// <summary>
/// The <c>Dashboard:SignIn</c> settings: "Sign in with Slack" and "Sign in with Microsoft" (Entra ID), each on only when
/// its client id and secret are set.
/// </summary>
public sealed class DashboardSignInOptions
{
    public const string SectionName = "Dashboard:SignIn";

    public DashboardProviderSettings Slack { get; set; } = new();

    public DashboardProviderSettings Entra { get; set; } = new();
}

/// <summary>One provider's app registration.</summary>
public sealed class DashboardProviderSettings
{
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Entra only: the tenant id, or <c>organizations</c> (the default) for any work account.</summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// The OpenID issuer; its discovery document is read from <c>/.well-known/openid-configuration</c> under it. Defaults
    /// to <c>https://slack.com</c> and <c>https://login.microsoftonline.com/{TenantId}/v2.0</c>; plain http only on a
    /// loopback address.
    /// </summary>
    public string? Authority { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}

/// <summary>A sign-in provider the dashboard offers: where it starts, where the provider answers, and whom it vouches for.</summary>
public sealed record DashboardProvider(string Key, string Label, string Platform, string WorkspaceClaim, string AccountClaim)
{
    public static readonly DashboardProvider Slack =
        new("slack", "Sign in with Slack", Platforms.Slack, "https://slack.com/team_id", "https://slack.com/user_id");

    /// <summary>Entra's <c>oid</c> is the object id Teams sends as <c>from.aadObjectId</c>, <c>tid</c> its tenant.</summary>
    public static readonly DashboardProvider Entra = new("entra", "Sign in with Microsoft", Platforms.Teams, "tid", "oid");

    public string Scheme => $"PracticeBot.Dashboard.{Key}";

    public string StartPath => $"/dashboard/oidc/{Key}";

    public string CallbackPath => $"/dashboard/oidc/{Key}/callback";

    public ProviderAccount? AccountOf(ClaimsPrincipal? principal) =>
        principal?.FindFirst(WorkspaceClaim)?.Value is { Length: > 0 } workspace && principal.FindFirst(AccountClaim)?.Value is { Length: > 0 } account
            ? new ProviderAccount(Platform, workspace, account, principal.FindFirst("name")?.Value)
            : null;
}

/// <summary>The providers this install has configured, in the order their buttons show.</summary>
public sealed class DashboardProviders(IReadOnlyList<DashboardProvider> configured)
{
    public IReadOnlyList<DashboardProvider> Configured { get; } = configured;

    public DashboardProvider? Find(string key) => Configured.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal));

    /// <summary>Registers one OpenID Connect scheme per configured provider; none at all when none is configured.</summary>
    public static DashboardProviders Add(WebApplicationBuilder builder, Microsoft.AspNetCore.Authentication.AuthenticationBuilder auth)
    {
        var settings = builder.Configuration.GetSection(DashboardSignInOptions.SectionName).Get<DashboardSignInOptions>() ?? new();
        var publicBase = builder.Configuration[PublicLinks.SettingName];
        var configured = new List<DashboardProvider>();
        if (settings.Slack.IsConfigured)
        {
            var authority = settings.Slack.Authority ?? "https://slack.com";
            auth.AddOpenIdConnect(DashboardProvider.Slack.Scheme, o => Configure(o, DashboardProvider.Slack, settings.Slack, authority, publicBase, pkce: false));
            configured.Add(DashboardProvider.Slack);
        }

        if (settings.Entra.IsConfigured)
        {
            var tenant = string.IsNullOrWhiteSpace(settings.Entra.TenantId) ? "organizations" : settings.Entra.TenantId.Trim();
            var authority = settings.Entra.Authority ?? $"https://login.microsoftonline.com/{tenant}/v2.0";
            auth.AddOpenIdConnect(DashboardProvider.Entra.Scheme, o =>
            {
                Configure(o, DashboardProvider.Entra, settings.Entra, authority, publicBase, pkce: true);
                o.TokenValidationParameters.IssuerValidatorUsingConfiguration = TenantIssuer;
            });
            configured.Add(DashboardProvider.Entra);
        }

        var providers = new DashboardProviders(configured);
        builder.Services.AddSingleton(providers);
        return providers;
    }

    private static void Configure(
        OpenIdConnectOptions o, DashboardProvider provider, DashboardProviderSettings settings, string authority, string? publicBase, bool pkce)
    {
        o.Authority = authority;
        o.RequireHttpsMetadata = !IsLoopback(authority);
        o.ClientId = settings.ClientId;
        o.ClientSecret = settings.ClientSecret;
        o.ResponseType = "code";
        // A redirect (GET) back, so the correlation cookie can stay SameSite=Lax.
        o.ResponseMode = "query";
        o.UsePkce = pkce;
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");

        o.CallbackPath = provider.CallbackPath;
        o.SignInScheme = DashboardSession.Scheme;
        o.MapInboundClaims = false;
        o.SaveTokens = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.CorrelationCookie = new ProviderCookie { Name = ".practicebot.correlation.", Path = provider.CallbackPath };
        o.NonceCookie = new ProviderCookie { Name = ".practicebot.nonce.", Path = provider.CallbackPath };
        o.Events = DashboardProviderSignIn.Events(provider, string.IsNullOrWhiteSpace(publicBase) ? null : new PublicLinks(publicBase));
    }

    /// <summary>
    /// Entra's multi-tenant discovery names its issuer with a <c>{tenantid}</c> placeholder: the token's issuer must be
    /// that issuer for the token's own <c>tid</c>. A single-tenant issuer has no placeholder and must match as it is.
    /// </summary>
    private static string TenantIssuer(string issuer, SecurityToken token, TokenValidationParameters parameters, BaseConfiguration? configuration)
    {
        var tenant = token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("tid", out var tid) ? tid : "";
        var expected = (parameters.ValidIssuers ?? []).Append(parameters.ValidIssuer).Append(configuration?.Issuer).OfType<string>()
            .Select(v => v.Replace("{tenantid}", tenant, StringComparison.OrdinalIgnoreCase));
        return tenant.Length > 0 && expected.Contains(issuer, StringComparer.Ordinal)
            ? issuer
            : throw new SecurityTokenInvalidIssuerException($"The id_token's issuer '{issuer}' is not the configured one.") { InvalidIssuer = issuer };
    }

    private static bool IsLoopback(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));

    /// <summary>
    /// The correlation and nonce cookies: SameSite=Lax (the provider redirects back with a GET) and Secure like the
    /// session cookie, everywhere but a loopback address over plain http.
    /// </summary>
    private sealed class ProviderCookie : CookieBuilder
    {
        public ProviderCookie()
        {
            HttpOnly = true;
            IsEssential = true;
            SameSite = SameSiteMode.Lax;
        }

        public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
        {
            var options = base.Build(context, expiresFrom);
            options.Secure = DashboardSession.MustBeSecure(context);
            return options;
        }
    }
}
