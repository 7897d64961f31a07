using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Reviews.Http;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Adapters.Reviews.Yelp;

/// <summary>
/// Yelp Fusion reviews (<c>/v3/businesses/{id}/reviews</c>): read-only excerpts, stored with the link to the whole
/// review. Pages with <c>offset</c> until the cursor (the newest <c>time_created</c> seen), within the daily budget.
/// </summary>
public sealed class YelpReviewSource(HttpClient http, IOptions<YelpSourceOptions> options) : IReviewSource
{
    public const string SourceName = "yelp";

    /// <summary>Yelp gives <c>time_created</c> as local time in the US Pacific zone.</summary>
    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    public string Name => SourceName;

    public string DisplayName => "Yelp";

    public TimeSpan PollInterval => options.Value.PollInterval;

    public ReviewOrigin Origin => ReviewOrigin.Polled;

    public IReadOnlyCollection<string> ConfiguredPractices => options.Value.Practices.Keys;

    public bool Serves(Practice practice) => options.Value.Practices.ContainsKey(practice.Slug);

    public async Task<SourceFetchResult> FetchAsync(SourceQuery query, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var business = query.Connected?.Location;
        if (business is null && !o.Practices.TryGetValue(query.Practice.Slug, out business))
        {
            return SourceFetchResult.Failed("no Yelp business is configured for this practice");
        }

        if (string.IsNullOrWhiteSpace(o.ApiKey))
        {
            return SourceFetchResult.Failed($"this deployment has no Yelp API key ({YelpSourceOptions.SectionName}:ApiKey): ask your administrator");
        }

        DateTimeOffset? cursor = DateTimeOffset.TryParse(query.Cursor, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var c) ? c : null;
        var newest = cursor;
        var found = new List<SourcedReview>();
        var offset = 0;
        try
        {
            for (var page = 1; page <= o.MaxPages; page++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get,
                    $"v3/businesses/{Uri.EscapeDataString(business)}/reviews?limit={o.PageSize}&offset={offset}&sort_by=newest");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.ApiKey);
                using var response = await http.SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return SourceFetchResult.Failed(response.StatusCode switch
                    {
                        HttpStatusCode.Unauthorized => $"Yelp refused the API key (401); check {YelpSourceOptions.SectionName}:ApiKey",
                        HttpStatusCode.TooManyRequests => "Yelp's rate limit is reached (429) even after backing off; the next poll tries again",
                        HttpStatusCode.NotFound => "Yelp does not know the configured business (404)",
                        _ => $"Yelp answered {SourceResponses.Describe(response.StatusCode)}",
                    });
                }

                var (body, problem) = await SourceResponses.ReadAsync<YelpReviewPage>(response, "Yelp", cancellationToken);
                if (body?.Reviews is null)
                {
                    return SourceFetchResult.Failed(problem ?? "Yelp sent a response without a reviews list");
                }

                var reachedCursor = false;
                foreach (var raw in body.Reviews)
                {
                    if (Map(raw, business) is not { } review)
                    {
                        return SourceFetchResult.Failed("Yelp sent a review without its id, a 1–5 rating or a readable time_created");
                    }

                    if (cursor is { } since && review.CreatedAt < since)
                    {
                        reachedCursor = true;
                        break;
                    }

                    found.Add(review);
                    newest = newest is { } n && n > review.CreatedAt ? n : review.CreatedAt;
                }

                offset += body.Reviews.Count;
                if (reachedCursor || body.Reviews.Count == 0 || offset >= (body.Total ?? 0))
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && HttpFailures.Describe(ex, "Yelp") is { } reason)
        {
            return SourceFetchResult.Failed(reason);
        }

        return SourceFetchResult.Ok(found, newest?.ToString("O", CultureInfo.InvariantCulture));
    }

    private static SourcedReview? Map(YelpReview raw, string business)
    {
        if (raw.Id is not { Length: > 0 } id || raw.Rating is not (>= 1 and <= 5)
            || !DateTime.TryParseExact(raw.TimeCreated, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var created = new DateTimeOffset(local, Pacific.GetUtcOffset(local)).ToUniversalTime();
        return new SourcedReview(SourceName, id, raw.Rating, null, raw.User?.Name, raw.Text, created, null, raw.Url, SourceLocation: business);
    }
}
