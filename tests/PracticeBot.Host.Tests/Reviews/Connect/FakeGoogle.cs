using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PracticeBot.Adapters.Reviews.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Reviews.Connect;

/// <summary>
/// A loopback fake of the Google endpoints the bot uses, each as documented: the OAuth 2.0 authorization endpoint (which
/// "consents" at once and redirects with a code, remembering the PKCE challenge), the token endpoint (authorization-code
/// grant checking the S256 verifier and redirect URI; refresh-token grant; <c>invalid_grant</c> once revoked), the
/// revocation endpoint, the Account Management and Business Information APIs, the Business Profile v4 reviews, and a
/// JWKS document with the key that signs Pub/Sub push tokens.
/// </summary>
public sealed class FakeGoogle : IAsyncDisposable
{
    public const string Location = "accounts/1/locations/2";
    public const string OtherLocation = "accounts/1/locations/3";
    public const string RefreshToken = "refresh-practice-1";
    public const string PushAudience = "https://bot.example/api/reviews/google/pubsub";
    public const string PushServiceAccount = "review-push@sunrise-project.iam.gserviceaccount.com";
    public const string KeyId = "google-key-1";

    private readonly ConcurrentDictionary<string, (string Challenge, string RedirectUri)> _codes = new();
    private readonly RSA _key = RSA.Create(2048);
    private int _codeNumber;

    private FakeGoogle()
    {
    }

    public FakeApi Api { get; private set; } = null!;

    public string Url => Api.Url;

    /// <summary>The review resources of <see cref="Location"/>, newest first, as <c>reviews.list</c> returns them.</summary>
    public ConcurrentDictionary<string, JsonObject> Reviews { get; } = new();

    public bool Revoked { get; set; }

    public ConcurrentQueue<string> RevokedTokens { get; } = new();

    public static async Task<FakeGoogle> StartAsync()
    {
        var fake = new FakeGoogle();
        fake.Api = await FakeApi.StartAsync(fake.HandleAsync);
        return fake;
    }

    public IEnumerable<(string Key, string? Value)> Settings() =>
    [
        ("Sources:Google:ClientId", "client-1.apps.googleusercontent.com"),
        ("Sources:Google:ClientSecret", "client-secret-1"),
        ("Sources:Google:AuthorizationEndpoint", Url + "/o/oauth2/v2/auth"),
        ("Sources:Google:TokenEndpoint", Url + "/token"),
        ("Sources:Google:RevokeEndpoint", Url + "/revoke"),
        ("Sources:Google:AccountsBaseUrl", Url + "/"),
        ("Sources:Google:BusinessInformationBaseUrl", Url + "/"),
        ("Sources:Google:BaseUrl", Url + "/"),
        ("Sources:Google:PubSub:Audience", PushAudience),
        ("Sources:Google:PubSub:ServiceAccountEmail", PushServiceAccount),
        ("Sources:Google:PubSub:JwksUrl", Url + "/oauth2/v3/certs"),
    ];

    public void AddReview(string id, string stars, string text, DateTimeOffset updated) =>
        Reviews[id] = new JsonObject
        {
            ["name"] = $"{Location}/reviews/{id}", ["reviewId"] = id,
            ["reviewer"] = new JsonObject { ["displayName"] = "Maria G.", ["isAnonymous"] = false },
            ["starRating"] = stars, ["comment"] = text,
            ["createTime"] = updated.ToString("O"), ["updateTime"] = updated.ToString("O"),
        };

    /// <summary>A push token as Pub/Sub signs it (RS256, Google's issuer), with the given key unless told otherwise.</summary>
    public string PushToken(
        string? audience = null, string? email = null, DateTime? expires = null, RSA? key = null, string issuer = "https://accounts.google.com")
    {
        var now = DateTime.UtcNow;
        var notBefore = expires is { } e && e < now ? e.AddHours(-1) : now.AddMinutes(-1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience ?? PushAudience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires ?? now.AddHours(1),
            Claims = new Dictionary<string, object> { ["email"] = email ?? PushServiceAccount, ["email_verified"] = true, ["sub"] = "1234567890" },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? _key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The Pub/Sub push envelope of a Business Profile notification.</summary>
    public static string PushBody(string type, string reviewId, string location = Location)
    {
        var data = JsonSerializer.Serialize(new { type, review = $"{location}/reviews/{reviewId}", location });
        return JsonSerializer.Serialize(new
        {
            message = new
            {
                data = Convert.ToBase64String(Encoding.UTF8.GetBytes(data)),
                messageId = "2070443601311540", publishTime = "2026-12-05T12:00:00Z", attributes = new { },
            },
            subscription = "projects/sunrise-project/subscriptions/reviews-push",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        _key.Dispose();
    }

    private async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        var form = request.Method == "POST" && request.Body.Contains('=', StringComparison.Ordinal)
            ? request.Body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : ""))
            : [];
        switch (request.Method, request.Path)
        {
            case ("GET", "/o/oauth2/v2/auth"):
                if (request.Q("response_type") != "code" || request.Q("code_challenge_method") != "S256" || request.Q("code_challenge") is not { } challenge
                    || request.Q("access_type") != "offline" || request.Q("redirect_uri") is not { } redirect)
                {
                    context.Response.StatusCode = 400;
                    return;
                }

                var code = $"4/code-{Interlocked.Increment(ref _codeNumber)}";
                _codes[code] = (challenge, redirect);
                context.Response.Redirect($"{redirect}?state={Uri.EscapeDataString(request.Q("state") ?? "")}&code={Uri.EscapeDataString(code)}&scope={Uri.EscapeDataString(request.Q("scope") ?? "")}");
                return;
            case ("POST", "/token") when form.GetValueOrDefault("grant_type") == "authorization_code":
                if (!_codes.TryRemove(form.GetValueOrDefault("code") ?? "", out var issued)
                    || Challenge(form.GetValueOrDefault("code_verifier") ?? "") != issued.Challenge
                    || form.GetValueOrDefault("redirect_uri") != issued.RedirectUri || form.GetValueOrDefault("client_secret") != "client-secret-1")
                {
                    await Error(context, "invalid_grant");
                    return;
                }

                await context.Response.WriteAsJsonAsync(new
                {
                    access_token = "access-consent", expires_in = 3599, refresh_token = RefreshToken,
                    scope = "https://www.googleapis.com/auth/business.manage", token_type = "Bearer",
                });
                return;
            case ("POST", "/token") when form.GetValueOrDefault("grant_type") == "refresh_token":
                if (Revoked || form.GetValueOrDefault("refresh_token") != RefreshToken)
                {
                    await Error(context, "invalid_grant");
                    return;
                }

                await context.Response.WriteAsJsonAsync(new { access_token = "access-practice", expires_in = 3599, token_type = "Bearer" });
                return;
            case ("POST", "/revoke"):
                RevokedTokens.Enqueue(form.GetValueOrDefault("token") ?? "");
                Revoked = true;
                return;
            case ("GET", "/oauth2/v3/certs"):
                var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.ExportParameters(false)) { KeyId = KeyId });
                await context.Response.WriteAsJsonAsync(new { keys = new[] { new { kty = "RSA", alg = "RS256", use = "sig", kid = KeyId, n = jwk.N, e = jwk.E } } });
                return;
            case ("GET", "/v1/accounts") when request.Authorization == "Bearer access-consent":
                await context.Response.WriteAsJsonAsync(new { accounts = new[] { new { name = "accounts/1", accountName = "Sunrise Group", type = "ORGANIZATION" } } });
                return;
            case ("GET", "/v1/accounts/1/locations") when request.Authorization == "Bearer access-consent" && request.Q("readMask") is not null:
                await context.Response.WriteAsJsonAsync(new
                {
                    locations = new[] { new { name = "locations/3", title = "Northside clinic" }, new { name = "locations/2", title = "Main St office" } },
                });
                return;
            case ("GET", "/v4/" + Location + "/reviews") when request.Authorization == "Bearer access-practice":
                await context.Response.WriteAsJsonAsync(new
                {
                    reviews = Reviews.Values.OrderByDescending(r => (string)r["updateTime"]!).ToArray(),
                    totalReviewCount = Reviews.Count,
                });
                return;
            case ("PUT", _) when request.Path.StartsWith("/v4/" + Location + "/reviews/", StringComparison.Ordinal) && request.Path.EndsWith("/reply", StringComparison.Ordinal)
                                 && request.Authorization == "Bearer access-practice":
                await context.Response.WriteAsJsonAsync(new { comment = "ok", updateTime = DateTimeOffset.UtcNow.ToString("O") });
                return;
            case ("GET", _) when request.Path.StartsWith("/v4/" + Location + "/reviews/", StringComparison.Ordinal) && request.Authorization == "Bearer access-practice":
                if (Reviews.TryGetValue(request.Path[("/v4/" + Location + "/reviews/").Length..], out var review))
                {
                    await context.Response.WriteAsJsonAsync(review);
                    return;
                }

                context.Response.StatusCode = (int)HttpStatusCode.NotFound;
                return;
            default:
                context.Response.StatusCode = request.Authorization.Length > 0 && request.Path.StartsWith("/v", StringComparison.Ordinal) ? 401 : 404;
                return;
        }
    }

    private static string Challenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task Error(HttpContext context, string error)
    {
        context.Response.StatusCode = 400;
        await context.Response.WriteAsJsonAsync(new { error, error_description = "Token has been expired or revoked." });
    }
}
