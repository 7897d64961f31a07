using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Reviews.Http;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Adapters.Reviews.Facebook;

/// <summary>
/// Facebook page recommendations (Graph API <c>/{page-id}/ratings</c>), read-only: a positive or negative
/// recommendation with optional text. Newer Graph versions retired the endpoint (error code 12): that is reported as
/// "unavailable", not as a failure to retry.
/// </summary>
public sealed partial class FacebookReviewSource(HttpClient http, IOptions<FacebookSourceOptions> options) : IReviewSource
{
    public const string SourceName = "facebook";
    public const int DeprecatedErrorCode = 12;
    private const string Fields = "created_time,recommendation_type,review_text,rating,reviewer{id,name},open_graph_story{id}";

    public string Name => SourceName;

    public string DisplayName => "Facebook";

    public TimeSpan PollInterval => options.Value.PollInterval;

    public ReviewOrigin Origin => ReviewOrigin.Polled;

    public IReadOnlyCollection<string> ConfiguredPractices => options.Value.Practices.Keys;

    public bool Serves(Practice practice) => options.Value.Practices.ContainsKey(practice.Slug);

    public async Task<SourceFetchResult> FetchAsync(SourceQuery query, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var page = query.Connected is { } connected ? new FacebookPage { PageId = connected.Location, PageToken = connected.Secret } : null;
        if (page is null && !o.Practices.TryGetValue(query.Practice.Slug, out page))
        {
            return SourceFetchResult.Failed("no Facebook page is configured for this practice");
        }

        DateTimeOffset? cursor = DateTimeOffset.TryParse(query.Cursor, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var c) ? c : null;
        var newest = cursor;
        var found = new List<SourcedReview>();
        string? after = null;
        try
        {
            for (var number = 1; number <= o.MaxPages; number++)
            {
                // The token goes in a header, not the query string, so no URL in any log carries it.
                using var request = new HttpRequestMessage(HttpMethod.Get,
                    $"{o.ApiVersion}/{Uri.EscapeDataString(page.PageId)}/ratings?fields={Uri.EscapeDataString(Fields)}&limit={o.PageSize}" +
                    (after is null ? "" : $"&after={Uri.EscapeDataString(after)}"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", page.PageToken);
                using var response = await http.SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    var (error, _) = await SourceResponses.ReadAsync<FacebookErrorAnswer>(response, "Facebook", cancellationToken);
                    return error?.Error?.Code switch
                    {
                        DeprecatedErrorCode => SourceFetchResult.Unavailable(
                            $"Facebook no longer serves page recommendations on Graph API {o.ApiVersion} (error 12, deprecated)"),
                        190 => SourceFetchResult.Failed(query.Connected is null
                            ? "Facebook refused the page token (error 190); a page admin must renew it"
                            : "Facebook says the page token is no longer valid (error 190): reconnect with `practice connect facebook`"),
                        { } code => SourceFetchResult.Failed($"Facebook answered {SourceResponses.Describe(response.StatusCode)} (error {code})"),
                        null => SourceFetchResult.Failed($"Facebook answered {SourceResponses.Describe(response.StatusCode)}"),
                    };
                }

                var (body, problem) = await SourceResponses.ReadAsync<FacebookRatingsPage>(response, "Facebook", cancellationToken);
                if (body?.Data is null)
                {
                    return SourceFetchResult.Failed(problem ?? "Facebook sent a response without a data list");
                }

                var reachedCursor = false;
                foreach (var raw in body.Data)
                {
                    if (Map(raw, page.PageId) is not { } review)
                    {
                        return SourceFetchResult.Failed("Facebook sent a recommendation without a readable created_time or type");
                    }

                    if (cursor is { } since && review.CreatedAt < since)
                    {
                        reachedCursor = true;
                        break;
                    }

                    found.Add(review);
                    newest = newest is { } n && n > review.CreatedAt ? n : review.CreatedAt;
                }

                after = body.Paging?.Next is not null ? body.Paging.Cursors?.After : null;
                if (reachedCursor || after is null)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && HttpFailures.Describe(ex, "Facebook") is { } reason)
        {
            return SourceFetchResult.Failed(reason);
        }

        return SourceFetchResult.Ok(found, newest?.ToString("O", CultureInfo.InvariantCulture));
    }

    private static SourcedReview? Map(FacebookRecommendation raw, string pageId)
    {
        if (ParseTime(raw.CreatedTime) is not { } created)
        {
            return null;
        }

        var recommendation = raw.RecommendationType?.ToLowerInvariant();
        if (recommendation is not ("positive" or "negative") && raw.Rating is not (>= 1 and <= 5))
        {
            return null;
        }

        // Recommendations have no id of their own; the story id is stable, else reviewer and time identify one.
        var id = raw.OpenGraphStory?.Id ?? $"{raw.Reviewer?.Id ?? "anonymous"}:{created.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
        return new SourcedReview(SourceName, id, raw.Rating, recommendation is "positive" or "negative" ? recommendation : null,
            raw.Reviewer?.Name, raw.ReviewText, created, SourceLocation: pageId);
    }

    /// <summary>Graph times look like <c>2026-11-20T14:03:00+0000</c>: the offset has no colon.</summary>
    private static DateTimeOffset? ParseTime(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var iso = OffsetWithoutColon().Replace(value, "$1:$2");
        return DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null;
    }

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex OffsetWithoutColon();
}
