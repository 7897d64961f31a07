using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Reviews.Webhook;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Storage;
using PracticeBot.Http;

namespace PracticeBot.Host.Reviews.Sources;

/// <summary>
/// <c>POST /api/reviews/webhook</c>: reviews from any source, in the JSON of DESIGN.md, signed with the deployment
/// secret or the practice's own. 401 bad signature, 404 unknown practice, 400 with per-field errors (nothing stored),
/// 413 over the size limit, 429 over a rate limit (nothing stored; safe to repeat after <c>Retry-After</c>); idempotent
/// by (practice, source, external id). Never a 500: storage trouble is a 503.
/// </summary>
public static partial class ReviewWebhookApi
{
    public const string Path = "/api/reviews/webhook";

    /// <summary>The coarse limit per client address (<see cref="WebhookAddressRateLimitPolicy"/>), applied before the body is read.</summary>
    public const string AddressRateLimitPolicy = "webhook-per-address";

    public static async Task<IResult> ReceiveAsync(
        HttpContext http,
        IOptions<ReviewWebhookOptions> options,
        IServiceScopeFactory scopes,
        IWebhookSecretVault vault,
        WebhookRateLimiter limiter,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(ReviewWebhookApi));
        var limit = options.Value.MaxBodyBytes;
        var body = await LimitedBody.ReadAsync(http, limit, cancellationToken);
        if (body is null)
        {
            return TooLarge(limit);
        }

        if (WebhookSignature.Parse(http.Request.Headers[WebhookSignature.Header]) is not { } signature)
        {
            return Unauthorized($"Sign the raw body: {WebhookSignature.Header}: sha256=<hex HMAC-SHA256 of the body with your webhook secret>.");
        }

        var deploymentSigned = WebhookSignature.Matches(body, signature, options.Value.Secret);
        var (items, problem) = WebhookPayload.Read(body);
        if (items is null)
        {
            return deploymentSigned ? Results.Problem(problem, statusCode: 400, title: "Malformed request") : BadSignature();
        }

        try
        {
            var slugs = items.Select(i => i.Practice).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var practices = await PracticesAsync(scopes, slugs, cancellationToken);

            // Only a practice's own secret is left when the deployment's does not match: it speaks for that one practice alone.
            if (!deploymentSigned && !IsSignedByItsPractice(body, signature, slugs, practices, vault))
            {
                return BadSignature();
            }

            if (slugs.FirstOrDefault(s => !practices.ContainsKey(s)) is { } unknown)
            {
                return Results.Problem($"There is no practice '{unknown}'. Its id is shown by `practice settings`.", statusCode: 404, title: "Unknown practice");
            }

            // Counted before anything is stored: a refused request leaves nothing behind and can be sent again as it is.
            if (limiter.TryAcquire(slugs) is { } over)
            {
                LogRateLimited(logger, over.Practice);
                return RateLimited(http, options.Value, over.Practice, over.RetryAfter);
            }

            var (valid, errors) = Validate(items, practices);
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, "Nothing was stored: fix these fields and send the request again.", title: "Invalid reviews");
            }

            return await StoreAsync(scopes, items.Count, valid, practices, logger, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStorageFailure(logger, ex.GetType().Name);
            http.Response.Headers.RetryAfter = "30";
            return Results.Problem("The reviews could not be stored just now; nothing was lost on our side. Send the same request again shortly: it is safe to repeat.",
                statusCode: 503, title: "Try again");
        }
    }

    /// <summary>The practices the request names that exist, by slug.</summary>
    private static async Task<Dictionary<string, Practice>> PracticesAsync(IServiceScopeFactory scopes, List<string> slugs, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        db.PracticeScope = null;
        return await db.Practices.AsNoTracking().Where(p => slugs.Contains(p.Slug)).ToDictionaryAsync(p => p.Slug, ct);
    }

    /// <summary>A request for exactly one existing practice, signed with that practice's own secret.</summary>
    private static bool IsSignedByItsPractice(
        byte[] body, byte[] signature, List<string> slugs, Dictionary<string, Practice> practices, IWebhookSecretVault vault) =>
        slugs.Count == 1 && practices.TryGetValue(slugs[0], out var own) && WebhookSignature.Matches(body, signature, vault.Reveal(own));

    private static IResult RateLimited(HttpContext http, ReviewWebhookOptions options, string practice, TimeSpan retryAfter) =>
        TooManyRequests(http, retryAfter,
            $"Practice '{practice}' sent more than {options.RateLimit.PermitsPerPractice} webhook requests in {options.RateLimit.Window}. " +
            $"Nothing in this request was stored; send it again after {Seconds(retryAfter)} s (Retry-After), " +
            $"and put up to {WebhookPayload.MaxReviews} reviews in one request instead of one per request.");

    /// <summary>
    /// Every item checked field by field. The errors are keyed by field, prefixed with the item's index when the request
    /// holds several; the reviews are only worth storing when there is no error at all.
    /// </summary>
    private static (List<(long PracticeId, SourcedReview Review)> Valid, Dictionary<string, string[]> Errors) Validate(
        List<(string? Practice, ReviewFields Fields, Dictionary<string, string> TypeErrors)> items, Dictionary<string, Practice> practices)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var valid = new List<(long PracticeId, SourcedReview Review)>();
        for (var i = 0; i < items.Count; i++)
        {
            var (slug, fields, typeErrors) = items[i];
            var validation = ReviewFieldsValidator.Validate(fields);
            var prefix = items.Count == 1 ? "" : $"[{i}].";
            foreach (var (field, message) in validation.Errors.Concat(typeErrors).DistinctBy(e => e.Key))
            {
                errors[prefix + field] = [message];
            }

            if (validation.Review is { } review && typeErrors.Count == 0)
            {
                valid.Add((practices[slug!].Id, review));
            }
        }

        return (valid, errors);
    }

    /// <summary>Stores the reviews practice by practice and answers with the totals and each practice's new review numbers.</summary>
    private static async Task<IResult> StoreAsync(
        IServiceScopeFactory scopes,
        int received,
        List<(long PracticeId, SourcedReview Review)> valid,
        Dictionary<string, Practice> practices,
        ILogger logger,
        CancellationToken ct)
    {
        var totals = new List<object>();
        int created = 0, edited = 0, replied = 0, unchanged = 0;
        foreach (var group in valid.GroupBy(v => v.PracticeId))
        {
            var summary = await ReceiveWithRetryAsync(scopes, group.Key, group.Select(g => g.Review).ToList(), ct);
            created += summary.Created;
            edited += summary.Edited;
            replied += summary.Replied;
            unchanged += summary.Unchanged;
            totals.Add(new { practice = practices.Values.First(p => p.Id == group.Key).Slug, numbers = summary.CreatedNumbers });
        }

        LogReceived(logger, received, created, edited, replied, unchanged);
        return Results.Ok(new { received, created, edited, replied, unchanged, practices = totals });
    }

    /// <summary>Two deliveries of the same new review at once: the loser hits the unique index and, retried, finds it stored.</summary>
    private static async Task<IngestionSummary> ReceiveWithRetryAsync(IServiceScopeFactory scopes, long practiceId, List<SourcedReview> reviews, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var intake = scope.ServiceProvider.GetRequiredService<ReviewIntake>();
                return await intake.ReceiveAsync(practiceId, reviews, ReviewOrigin.Webhook, surface: true, "webhook", ct) ?? IngestionSummary.Empty;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                await Task.Delay(Random.Shared.Next(20, 80) * attempt, ct);
            }
        }
    }

    /// <summary>429 with <c>Retry-After</c> in whole seconds and what to do, as problem JSON.</summary>
    internal static IResult TooManyRequests(HttpContext http, TimeSpan wait, string detail)
    {
        http.Response.Headers.RetryAfter = Seconds(wait).ToString(CultureInfo.InvariantCulture);
        return Results.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");
    }

    internal static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    private static IResult TooLarge(int limit) =>
        LimitedBody.TooLarge($"The body is larger than {limit / 1024} KB ({ReviewWebhookOptions.SectionName}:MaxBodyBytes). Send fewer reviews per request.");

    private static IResult Unauthorized(string detail) => Results.Problem(detail, statusCode: 401, title: "Unauthorized");

    private static IResult BadSignature() =>
        Unauthorized($"The {WebhookSignature.Header} does not match the body for the deployment secret or the practice's secret.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook: {Received} reviews received, {Created} new, {Edited} edited, {Replied} replied, {Unchanged} unchanged")]
    private static partial void LogReceived(ILogger logger, int received, int created, int edited, int replied, int unchanged);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook: practice {Practice} is over its rate limit; answered 429")]
    private static partial void LogRateLimited(ILogger logger, string practice);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook: storing reviews failed ({ExceptionType}); answered 503")]
    private static partial void LogStorageFailure(ILogger logger, string exceptionType);
}
