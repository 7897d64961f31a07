using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace PracticeBot.Adapters.Teams.Tests.TestSupport;

/// <summary>
/// Microsoft's side of the Bot Framework on 127.0.0.1: OpenID metadata + JWKS (with endorsements), the token
/// endpoint and a connector that records every call and answers like Teams (or as a test scripts it).
/// </summary>
public sealed class BotFrameworkFake : IAsyncDisposable
{
    /// <summary>A user id containing this is a guest to <c>GET …/members/{userId}</c>.</summary>
    public const string GuestMarker = "guest";

    public const string EndorsedKid = "test-key";
    public const string UnendorsedKid = "test-key-no-endorsement";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string Body, string? RetryAfter)> _scripted = new();
    private int _activityCounter;

    private BotFrameworkFake(WebApplication app) => _app = app;

    public RSA Key { get; } = RSA.Create(2048);
    public RSA UnendorsedKey { get; } = RSA.Create(2048);
    public string Url { get; private set; } = "";
    public string MetadataUrl => $"{Url}/v1/.well-known/openidconfiguration";
    public string TokenUrl => $"{Url}/token";
    public string ServiceUrl => $"{Url}/connector/";
    public ConcurrentQueue<RecordedCall> Calls { get; } = new();
    private int _tokenRequests;
    private int _metadataRequests;

    public int TokenRequests => _tokenRequests;
    public int MetadataRequests => _metadataRequests;

    public static async Task<BotFrameworkFake> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new BotFrameworkFake(app);
        fake.Map(app);
        await app.StartAsync();
        fake.Url = app.Urls.First().TrimEnd('/');
        return fake;
    }

    /// <summary>While set, every connector call answers 503 and does nothing (it is recorded as failed).</summary>
    public bool Down { get; set; }

    /// <summary>The next connector call is answered with this status and body instead.</summary>
    public void Script(int status, string body = "{}", string? retryAfter = null) => _scripted.Enqueue((status, body, retryAfter));

    public IEnumerable<RecordedCall> CallsTo(string method, string pathStart) =>
        Calls.Where(c => c.Method == method && c.Path.StartsWith(pathStart, StringComparison.Ordinal));

    private void Map(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref _metadataRequests);
            return Results.Json(new JsonObject
            {
                ["issuer"] = "https://api.botframework.com",
                ["authorization_endpoint"] = "https://invalid.example/authorize",
                ["jwks_uri"] = $"{Url}/v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            });
        });
        app.MapGet("/v1/.well-known/keys", () => Results.Json(new JsonObject
        {
            ["keys"] = new JsonArray(Jwk(Key, EndorsedKid, ["msteams", "emulator"]), Jwk(UnendorsedKey, UnendorsedKid, ["skype"])),
        }));
        app.MapPost("/token", async (HttpContext http) =>
        {
            Interlocked.Increment(ref _tokenRequests);
            var form = await http.Request.ReadFormAsync();
            return form["grant_type"] == "client_credentials" && form["scope"] == "https://api.botframework.com/.default"
                ? Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = "connector-token" })
                : Results.BadRequest();
        });
        app.Map("/connector/{**path}", (Delegate)Connector);
    }

    private async Task<IResult> Connector(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        // The raw target, as sent: it shows whether ids were URL-encoded.
        var path = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget["/connector".Length..];
        if (Down)
        {
            Calls.Enqueue(new RecordedCall(http.Request.Method, path, body, http.Request.Headers.Authorization.ToString(), Succeeded: false));
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        Calls.Enqueue(new RecordedCall(http.Request.Method, path, body, http.Request.Headers.Authorization.ToString()));
        if (_scripted.TryDequeue(out var scripted))
        {
            if (scripted.RetryAfter is { } retryAfter)
            {
                http.Response.Headers.RetryAfter = retryAfter;
            }

            return Results.Content(scripted.Body, "application/json", statusCode: scripted.Status);
        }

        var id = $"act-{Interlocked.Increment(ref _activityCounter)}";
        return (http.Request.Method, path) switch
        {
            ("POST", "/v3/conversations") => Results.Json(new { id = "a:dm-chat-1", activityId = id }),
            ("GET", var p) when p.Contains("/pagedmembers", StringComparison.Ordinal) => Results.Json(new
            {
                continuationToken = (string?)null,
                members = new[] { new { id = "29:ann", name = "Ann Lee", aadObjectId = "aad-ann" } },
            }),
            ("GET", var p) when p.Contains("/members/", StringComparison.Ordinal) => Results.Json(new
            {
                id = Uri.UnescapeDataString(p[(p.LastIndexOf('/') + 1)..]),
                name = "Member",
                userRole = p.Contains(GuestMarker, StringComparison.Ordinal) ? "guest" : "user",
            }),
            ("DELETE", _) => Results.Ok(),
            _ => Results.Json(new { id }),
        };
    }

    private static JsonObject Jwk(RSA rsa, string kid, string[] endorsements)
    {
        var p = rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Key.Dispose();
        UnendorsedKey.Dispose();
    }
}

/// <summary>One call to the fake connector.</summary>
public sealed record RecordedCall(string Method, string Path, string Body, string Authorization, bool Succeeded = true)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
}
