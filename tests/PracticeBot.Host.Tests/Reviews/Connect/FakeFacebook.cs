using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PracticeBot.Adapters.Reviews.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Reviews.Connect;

/// <summary>
/// A loopback fake of the Graph API endpoints the bot uses, as documented: the Login dialog (consenting at once and
/// redirecting with a code), <c>/oauth/access_token</c> (code exchange; <c>fb_exchange_token</c>), <c>/me</c>,
/// <c>/me/accounts</c> (pages with their page tokens), <c>/{page-id}/subscribed_apps</c>, <c>/{page-id}/ratings</c>, and
/// what the weekly page health reads: <c>/{page-id}?fields=followers_count</c> and <c>/{page-id}/posts</c>.
/// </summary>
public sealed class FakeFacebook : IAsyncDisposable
{
    public const string Version = "v21.0";
    public const string PageId = "501";
    public const string PageToken = "page-token-501";
    public const string AppSecret = "app-secret-1";
    public const string VerifyToken = "verify-me-1";

    private readonly ConcurrentDictionary<string, string> _codes = new();
    private int _codeNumber;

    private FakeFacebook()
    {
    }

    public FakeApi Api { get; private set; } = null!;

    public string Url => Api.Url;

    /// <summary>Recommendations of the page, as <c>/{page-id}/ratings</c> returns them.</summary>
    public ConcurrentQueue<JsonObject> Ratings { get; } = new();

    public int Followers { get; set; } = 1240;

    /// <summary>Posts of the page, as <c>/{page-id}/posts</c> returns them (with comment and reaction summaries).</summary>
    public ConcurrentQueue<JsonObject> Posts { get; } = new();

    /// <summary>When set, the page's posts answer error 10 (a permission is missing).</summary>
    public bool PostsNeedPermission { get; set; }

    public static async Task<FakeFacebook> StartAsync()
    {
        var fake = new FakeFacebook();
        fake.Api = await FakeApi.StartAsync(fake.HandleAsync);
        return fake;
    }

    public IEnumerable<(string Key, string? Value)> Settings() =>
    [
        ("Sources:Facebook:AppId", "app-1"),
        ("Sources:Facebook:AppSecret", AppSecret),
        ("Sources:Facebook:VerifyToken", VerifyToken),
        ("Sources:Facebook:BaseUrl", Url + "/"),
        ("Sources:Facebook:DialogBaseUrl", Url + "/"),
        ("Sources:Facebook:ApiVersion", Version),
    ];

    public static string Sign(byte[] body, string secret = AppSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public async ValueTask DisposeAsync() => await Api.DisposeAsync();

    private async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        const string G = "/" + Version + "/";
        switch (request.Method, request.Path)
        {
            case ("GET", G + "dialog/oauth"):
                if (request.Q("client_id") != "app-1" || request.Q("redirect_uri") is not { } redirect || request.Q("state") is not { } state)
                {
                    context.Response.StatusCode = 400;
                    return;
                }

                var code = $"fb-code-{Interlocked.Increment(ref _codeNumber)}";
                _codes[code] = redirect;
                context.Response.Redirect($"{redirect}?code={code}&state={Uri.EscapeDataString(state)}");
                return;
            case ("GET", G + "oauth/access_token") when request.Q("grant_type") == "fb_exchange_token":
                await Answer(context, request.Q("fb_exchange_token") == "user-short" && request.Q("client_secret") == AppSecret
                    ? new { access_token = "user-long", token_type = "bearer", expires_in = 5183944 }
                    : null);
                return;
            case ("GET", G + "oauth/access_token"):
                await Answer(context, request.Q("code") is { } c && _codes.TryRemove(c, out var uri) && uri == request.Q("redirect_uri") && request.Q("client_secret") == AppSecret
                    ? new { access_token = "user-short", token_type = "bearer", expires_in = 5183 }
                    : null);
                return;
            case ("GET", G + "me") when request.Authorization == "Bearer user-long":
                await context.Response.WriteAsJsonAsync(new { name = "Dr. Jane Rivera", id = "10" });
                return;
            case ("GET", G + "me/accounts") when request.Authorization == "Bearer user-long":
                await context.Response.WriteAsJsonAsync(new
                {
                    data = new[]
                    {
                        new { id = "777", name = "Corner Bakery", access_token = "page-token-777", category = "Bakery" },
                        new { id = PageId, name = "Sunrise Family Medicine", access_token = PageToken, category = "Doctor" },
                    },
                });
                return;
            case ("POST" or "DELETE", G + PageId + "/subscribed_apps") when request.Authorization == "Bearer " + PageToken:
                await context.Response.WriteAsJsonAsync(new { success = true });
                return;
            case ("GET", G + PageId + "/ratings") when request.Authorization == "Bearer " + PageToken:
                await context.Response.WriteAsJsonAsync(new { data = Ratings.ToArray(), paging = new { cursors = new { before = "b", after = "a" } } });
                return;
            case ("GET", G + PageId) when request.Authorization == "Bearer " + PageToken:
                await context.Response.WriteAsJsonAsync(new { id = PageId, followers_count = Followers });
                return;
            case ("GET", G + PageId + "/posts") when request.Authorization == "Bearer " + PageToken:
                if (PostsNeedPermission)
                {
                    context.Response.StatusCode = 403;
                    await context.Response.WriteAsJsonAsync(new
                    {
                        error = new { message = "(#10) This endpoint requires the 'pages_read_engagement' permission", type = "OAuthException", code = 10 },
                    });
                    return;
                }

                var since = long.TryParse(request.Q("since"), out var s) ? DateTimeOffset.FromUnixTimeSeconds(s) : DateTimeOffset.MinValue;
                var until = long.TryParse(request.Q("until"), out var u) ? DateTimeOffset.FromUnixTimeSeconds(u) : DateTimeOffset.MaxValue;
                await context.Response.WriteAsJsonAsync(new
                {
                    data = Posts.Where(p => DateTimeOffset.Parse(((string)p["created_time"]!)[..^5] + "+00:00", System.Globalization.CultureInfo.InvariantCulture) is var at && at >= since && at < until).ToArray(),
                    paging = new { cursors = new { before = "b", after = "a" } },
                });
                return;
            default:
                context.Response.StatusCode = 400;
                await context.Response.WriteAsJsonAsync(new { error = new { message = "Unsupported request", type = "GraphMethodException", code = 100 } });
                return;
        }
    }

    private static async Task Answer(HttpContext context, object? body)
    {
        if (body is null)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "Invalid verification code format.", type = "OAuthException", code = 100 } });
            return;
        }

        await context.Response.WriteAsJsonAsync(body);
    }
}
