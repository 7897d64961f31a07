using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PracticeBot.Adapters.Reviews.Google;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Http;

namespace PracticeBot.Host.Reviews.Sources.Push;

/// <summary>
/// <c>POST /api/reviews/google/pubsub</c>: a Cloud Pub/Sub push of a Business Profile notification. The request's
/// Google-signed OIDC token is verified (signature against Google's keys, issuer, audience, lifetime, and the verified
/// service-account email) before the body is read; anything else is 401 and nothing is stored. A NEW_REVIEW or
/// UPDATED_REVIEW for a practice's own location makes the bot fetch that review from Google with the practice's
/// credentials and store it as read from that location — the same review polling finds later, stored once.
/// </summary>
public static partial class GooglePushApi
{
    public const string Path = "/api/reviews/google/pubsub";
    private static readonly JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };

    public static async Task<IResult> ReceiveAsync(
        HttpContext http,
        IOptions<GooglePushOptions> options,
        GoogleJwks jwks,
        IServiceScopeFactory scopes,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        var o = options.Value;
        var logger = loggers.CreateLogger(typeof(GooglePushApi).FullName!);
        if (!o.Enabled)
        {
            return Results.NotFound();
        }

        string? problem;
        try
        {
            problem = await VerifyAsync(http.Request.Headers.Authorization.ToString(), o, jwks, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            LogKeysUnavailable(logger);
            return Unavailable("Google's signing keys could not be read; send it again.");
        }

        if (problem is not null)
        {
            LogRefused(logger, problem);
            return Results.Problem("The push token is missing or not valid.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        if (await LimitedBody.ReadAsync(http, o.MaxBodyBytes, ct) is not { } body)
        {
            return LimitedBody.TooLarge($"The body is over {o.MaxBodyBytes} bytes ({GooglePushOptions.SectionName}:MaxBodyBytes).");
        }

        if (Notification.Read(body) is not { } notification)
        {
            return Results.Problem("The body is not a Pub/Sub push message with a Business Profile notification.", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        }

        if (notification.Type is not ("NEW_REVIEW" or "UPDATED_REVIEW") || notification.Review is null || notification.Location is null)
        {
            return Results.NoContent(); // other notification types are acknowledged and left alone
        }

        await using var scope = scopes.CreateAsyncScope();
        var targets = await scope.ServiceProvider.GetRequiredService<PushTargets>().FindAsync(GoogleReviewSource.SourceName, notification.Location, ct);
        var google = scope.ServiceProvider.GetRequiredService<GoogleReviewSource>();
        foreach (var target in targets)
        {
            var location = new GoogleLocation { Name = target.Account.Location, Label = target.Account.LocationLabel };
            var fetched = await google.FetchReviewAsync(location, notification.Review, target.FromConfiguration ? null : target.Account.Secret, ct);
            if (fetched.Status != SourceFetchStatus.Ok)
            {
                LogFetchFailed(logger, target.PracticeId, fetched.Reason ?? "");
                return Unavailable("The review could not be read from Google now; send it again.");
            }

            await using var intakeScope = scopes.CreateAsyncScope();
            await intakeScope.ServiceProvider.GetRequiredService<SourcePushIntake>().ReceiveAsync(target.PracticeId, fetched.Reviews, "push/google", ct);
        }

        return Results.NoContent();
    }

    /// <summary>Null when the bearer token is Google's, for this audience, signed for the configured service account; else why not.</summary>
    internal static async Task<string?> VerifyAsync(string authorization, GooglePushOptions o, GoogleJwks jwks, CancellationToken ct)
    {
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization.Length > 8192)
        {
            return "no bearer token";
        }

        var token = authorization["Bearer ".Length..].Trim();
        string? keyId;
        try
        {
            keyId = Tokens.ReadJsonWebToken(token).Kid;
        }
        catch (ArgumentException)
        {
            return "not a JWT";
        }

        var result = await Tokens.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuers = o.Issuers,
            ValidAudience = o.Audience,
            IssuerSigningKeys = await jwks.KeysAsync(keyId, ct),
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(2),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
        if (!result.IsValid)
        {
            return result.Exception?.GetType().Name ?? "invalid token";
        }

        var email = result.ClaimsIdentity.FindFirst("email")?.Value;
        var verified = result.ClaimsIdentity.FindFirst("email_verified")?.Value;
        return string.Equals(email, o.ServiceAccountEmail, StringComparison.OrdinalIgnoreCase) && string.Equals(verified, "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : "not the configured service account";
    }

    private static IResult Unavailable(string detail)
    {
        return Results.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Try again");
    }

    /// <summary>The Pub/Sub push envelope and the notification in its base64 <c>data</c>.</summary>
    private sealed record Notification(string? Type, string? Review, string? Location)
    {
        public static Notification? Read(byte[] body)
        {
            try
            {
                using var envelope = JsonDocument.Parse(body);
                if (envelope.RootElement.ValueKind != JsonValueKind.Object
                    || !envelope.RootElement.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object
                    || !message.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                using var inner = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(data.GetString()!)));
                var root = inner.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                return new Notification(Text(root, "type", "notificationType"), Text(root, "review", "reviewName"), Text(root, "location", "locationName"));
            }
            catch (Exception ex) when (ex is JsonException or FormatException or DecoderFallbackException)
            {
                return null;
            }
        }

        private static string? Text(JsonElement root, params string[] names) => names
            .Select(n => root.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
            .FirstOrDefault(v => !string.IsNullOrEmpty(v));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Google push refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Google push: the signing keys could not be read")]
    private static partial void LogKeysUnavailable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Google push for practice {PracticeId}: the review could not be fetched: {Reason}")]
    private static partial void LogFetchFailed(ILogger logger, long practiceId, string reason);
}
