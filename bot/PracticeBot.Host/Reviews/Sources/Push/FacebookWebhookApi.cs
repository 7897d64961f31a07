using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Reviews.Facebook;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Http;

namespace PracticeBot.Host.Reviews.Sources.Push;

/// <summary>
/// <c>/api/reviews/facebook</c>: Facebook page webhooks. <c>GET</c> is the verification handshake (<c>hub.mode=subscribe</c>,
/// <c>hub.verify_token</c> = <c>Sources:Facebook:VerifyToken</c>, the <c>hub.challenge</c> echoed). <c>POST</c> bodies
/// must carry <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256 of the raw body with Sources:Facebook:AppSecret&gt;</c>
/// (compared in constant time; else 401, nothing stored). A <c>ratings</c> change (add or edit) on a practice's own page
/// becomes a review at once, stored as read from that page, with the id polling gives it, so it is stored once.
/// </summary>
public static partial class FacebookWebhookApi
{
    public const string Path = "/api/reviews/facebook";
    public const string SignatureHeader = "X-Hub-Signature-256";
    public const int MaxBodyBytes = 262144;

    public static IResult Verify(HttpContext http, IOptions<FacebookSourceOptions> options)
    {
        var expected = options.Value.VerifyToken;
        var query = http.Request.Query;
        if (string.IsNullOrEmpty(expected))
        {
            return Results.NotFound();
        }

        var token = query["hub.verify_token"].ToString();
        if (query["hub.mode"] != "subscribe" || !FixedEquals(token, expected) || query["hub.challenge"].ToString() is not { Length: > 0 and <= 200 } challenge)
        {
            return Results.Problem("The verify token does not match Sources:Facebook:VerifyToken.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }

        return Results.Text(challenge, "text/plain");
    }

    public static async Task<IResult> ReceiveAsync(HttpContext http, IOptions<FacebookSourceOptions> options, IServiceScopeFactory scopes, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(FacebookWebhookApi).FullName!);
        if (options.Value.AppSecret is not { Length: > 0 } secret)
        {
            return Results.NotFound();
        }

        if (await LimitedBody.ReadAsync(http, MaxBodyBytes, ct) is not { } body)
        {
            return LimitedBody.TooLarge($"The body is over {MaxBodyBytes} bytes.");
        }

        if (!SignatureMatches(http.Request.Headers[SignatureHeader].ToString(), body, secret))
        {
            LogRefused(logger);
            return Results.Problem("The X-Hub-Signature-256 signature is missing or does not match.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        if (Read(body) is not { } changes)
        {
            return Results.Problem("The body is not a page webhook notification.", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        }

        foreach (var (pageId, reviews) in changes.GroupBy(c => c.PageId).Select(g => (g.Key, g.Select(c => c.Review).ToList())))
        {
            await using var scope = scopes.CreateAsyncScope();
            foreach (var target in await scope.ServiceProvider.GetRequiredService<PushTargets>().FindAsync(FacebookReviewSource.SourceName, pageId, ct))
            {
                await using var intakeScope = scopes.CreateAsyncScope();
                await intakeScope.ServiceProvider.GetRequiredService<SourcePushIntake>().ReceiveAsync(target.PracticeId, reviews, "push/facebook", ct);
            }
        }

        return Results.Ok();
    }

    /// <summary><c>sha256=&lt;hex&gt;</c> over the raw body, compared in constant time.</summary>
    public static bool SignatureMatches(string header, byte[] body, string secret)
    {
        const string Prefix = "sha256=";
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + 64)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    private static bool FixedEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    /// <summary>The ratings changes (add or edit) of the body; null when it is not a page notification at all.</summary>
    private static List<(string PageId, SourcedReview Review)>? Read(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var found = new List<(string, SourcedReview)>();
            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object || Str(entry, "id") is not { Length: > 0 } pageId
                    || !entry.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var change in changes.EnumerateArray())
                {
                    if (change.ValueKind == JsonValueKind.Object && Str(change, "field") == "ratings"
                        && change.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object
                        && Str(value, "verb") is "add" or "edit" && Map(value, pageId) is { } review)
                    {
                        found.Add((pageId, review));
                    }
                }
            }

            return found;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A ratings value as the poll maps a recommendation: the story id, else reviewer and time, for the same key.</summary>
    private static SourcedReview? Map(JsonElement value, string pageId)
    {
        var created = value.TryGetProperty("created_time", out var t) ? t.ValueKind switch
        {
            JsonValueKind.Number when t.TryGetInt64(out var unix) => DateTimeOffset.FromUnixTimeSeconds(unix),
            JsonValueKind.String when DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) => at.ToUniversalTime(),
            _ => (DateTimeOffset?)null,
        } : null;
        var recommendation = Str(value, "recommendation_type")?.ToLowerInvariant();
        int? rating = value.TryGetProperty("rating", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetInt32(out var stars) && stars is >= 1 and <= 5 ? stars : null;
        if (created is not { } at2 || (recommendation is not ("positive" or "negative") && rating is null))
        {
            return null;
        }

        var id = Str(value, "open_graph_story_id") ?? $"{Str(value, "reviewer_id") ?? "anonymous"}:{at2.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
        return new SourcedReview(FacebookReviewSource.SourceName, id, rating, recommendation is "positive" or "negative" ? recommendation : null,
            Str(value, "reviewer_name"), Str(value, "review_text"), at2, SourceLocation: pageId);
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        _ => null,
    } : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Facebook webhook refused: signature missing or not matching")]
    private static partial void LogRefused(ILogger logger);
}
