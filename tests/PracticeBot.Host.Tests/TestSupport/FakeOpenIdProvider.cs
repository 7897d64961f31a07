using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PracticeBot.Host.Tests.TestSupport;

/// <summary>
/// A loopback OpenID provider as OpenID Connect Core and Discovery describe one (authorization code flow): a discovery
/// document, a JWKS with an RSA key made here, an authorize endpoint that redirects back with a code (or an error), and
/// a token endpoint that answers with an id_token signed by that key, carrying the nonce the authorize request sent.
/// Its issuer may be a template with <c>{tenantid}</c>, as Entra's multi-tenant discovery publishes it.
/// </summary>
public sealed class FakeOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "client-123";
    public const string ClientSecret = "secret-456";

    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _strangerKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, (string Nonce, IReadOnlyDictionary<string, object> Claims)> _codes = new();
    private readonly string _issuerTemplate;

    private FakeOpenIdProvider(WebApplication app, string issuerTemplate)
    {
        _app = app;
        _issuerTemplate = issuerTemplate;
    }

    /// <summary>The authority to configure: <c>http://127.0.0.1:port/{path}</c>.</summary>
    public string Authority { get; private set; } = "";

    /// <summary>The claims of the person who "signs in" at the next authorize request.</summary>
    public IReadOnlyDictionary<string, object> NextPerson { get; set; } = new Dictionary<string, object>();

    /// <summary>How the next id_token is spoiled, if at all.</summary>
    public Forgery Forge { get; set; }

    /// <summary>Token requests received (their form fields).</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> TokenRequests { get; } = new();

    /// <param name="path">Where under the root the provider lives, e.g. <c>slack</c> or <c>organizations/v2.0</c>.</param>
    /// <param name="issuer">The discovery issuer relative to the root (default: <paramref name="path"/>), e.g. <c>{tenantid}/v2.0</c>.</param>
    public static async Task<FakeOpenIdProvider> StartAsync(string path, string? issuer = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeOpenIdProvider(app, issuer ?? path);
        app.MapGet($"/{path}/.well-known/openid-configuration", fake.Discovery);
        app.MapGet($"/{path}/jwks", fake.Keys);
        app.MapGet($"/{path}/authorize", fake.Authorize);
        app.MapPost($"/{path}/token", fake.TokenAsync);
        await app.StartAsync();
        var root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        fake.Root = root;
        fake.Authority = $"{root}/{path}";
        return fake;
    }

    public string Root { get; private set; } = "";

    /// <summary>The issuer as tokens for this tenant carry it.</summary>
    public string IssuerFor(string? tenant) => $"{Root}/{_issuerTemplate.Replace("{tenantid}", tenant ?? "", StringComparison.Ordinal)}";

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = $"{Root}/{_issuerTemplate}",
        ["authorization_endpoint"] = $"{Authority}/authorize",
        ["token_endpoint"] = $"{Authority}/token",
        ["jwks_uri"] = $"{Authority}/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["scopes_supported"] = new[] { "openid", "profile", "email" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post" },
    });

    private IResult Keys()
    {
        var p = _key.ExportParameters(false);
        return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "k1", n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
    }

    /// <summary>Signs <see cref="NextPerson"/> in at once (no page), or refuses with access_denied when their claims say <c>deny</c>.</summary>
    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        var redirect = query["redirect_uri"].ToString();
        var state = Uri.EscapeDataString(query["state"].ToString());
        if (query["client_id"] != ClientId || query["response_type"] != "code" || string.IsNullOrEmpty(redirect))
        {
            return Results.BadRequest("bad authorize request");
        }

        if (NextPerson.ContainsKey("deny"))
        {
            return Results.Redirect($"{redirect}?error=access_denied&state={state}");
        }

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        _codes[code] = (query["nonce"].ToString(), NextPerson);
        return Results.Redirect($"{redirect}?code={code}&state={state}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        TokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || form["grant_type"] != "authorization_code"
            || !_codes.TryRemove(form["code"].ToString(), out var grant))
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }

        const string accessToken = "access-token-789";
        return Results.Json(new { ok = true, access_token = accessToken, token_type = "Bearer", id_token = IdToken(grant.Nonce, grant.Claims, accessToken) });
    }

    private string IdToken(string nonce, IReadOnlyDictionary<string, object> person, string accessToken)
    {
        var now = DateTime.UtcNow; // IdentityModel checks lifetimes against the wall clock, not the host's TimeProvider.
        var tenant = person.TryGetValue("tid", out var tid) ? tid as string : null;
        var claims = new Dictionary<string, object>(person)
        {
            ["sub"] = person.TryGetValue("sub", out var sub) ? sub : "subject-1",
            ["nonce"] = nonce,
            ["at_hash"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]),
        };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Forge == Forgery.WrongIssuer ? "http://127.0.0.1:1/somebody-else" : IssuerFor(tenant),
            Audience = Forge == Forgery.WrongAudience ? "another-client" : ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = claims,
            SigningCredentials = new SigningCredentials(
                new RsaSecurityKey(Forge == Forgery.StrangerKey ? _strangerKey : _key) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256),
        };
        var token = new JsonWebTokenHandler().CreateToken(descriptor);
        if (Forge == Forgery.NoSignature)
        {
            var parts = token.Split('.');
            token = $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{parts[1]}.";
        }

        return token;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
        _strangerKey.Dispose();
    }

    /// <summary>Ways an id_token can be spoiled.</summary>
    public enum Forgery
    {
        None,
        NoSignature,
        StrangerKey,
        WrongIssuer,
        WrongAudience,
    }

    /// <summary>Claims as JSON would carry them, for tests that build a person.</summary>
    public static IReadOnlyDictionary<string, object> Person(params (string Claim, string Value)[] claims) =>
        claims.ToDictionary(c => c.Claim, c => (object)c.Value);
}
