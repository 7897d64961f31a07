using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Reviews.Http;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Reviews.Sources.Connections;

namespace PracticeBot.Adapters.Reviews.Google;

/// <summary>
/// Google Business Profile reviews (API v4): every location of the practice, newest change first
/// (<c>orderBy=updateTime desc</c>), page by page until the cursor (the newest <c>updateTime</c> seen last time).
/// Replies are published with <c>PUT …/reviews/{id}/reply</c> and removed with <c>DELETE</c>.
/// </summary>
public sealed class GoogleReviewSource(
    HttpClient http, GoogleTokenClient tokens, IOptions<GoogleSourceOptions> options, ConnectedSources? connections = null)
    : IReviewSource, IReviewReplyPublisher
{
    public const string SourceName = "google";

    private static readonly Dictionary<string, int?> Stars = new(StringComparer.Ordinal)
    {
        ["ONE"] = 1, ["TWO"] = 2, ["THREE"] = 3, ["FOUR"] = 4, ["FIVE"] = 5, ["STAR_RATING_UNSPECIFIED"] = null,
    };

    public string Name => SourceName;

    public string DisplayName => "Google";

    public TimeSpan PollInterval => options.Value.PollInterval;

    public ReviewOrigin Origin => ReviewOrigin.Polled;

    public IReadOnlyCollection<string> ConfiguredPractices => options.Value.Practices.Keys;

    public bool Serves(Practice practice) => options.Value.Practices.TryGetValue(practice.Slug, out var locations) && locations.Count > 0;

    public async Task<SourceFetchResult> FetchAsync(SourceQuery query, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var refreshToken = query.Connected?.Secret;
        var locations = query.Connected is { } connected
            ? [new GoogleLocation { Name = connected.Location, Label = connected.LocationLabel }]
            : o.Practices.GetValueOrDefault(query.Practice.Slug);
        if (query.Connected is { Secret: null })
        {
            return SourceFetchResult.Failed("the connected Google account's credential can no longer be read here: reconnect with `practice connect google`");
        }

        if (locations is null || locations.Count == 0)
        {
            return SourceFetchResult.Failed("no Google locations are configured for this practice");
        }

        DateTimeOffset? cursor = DateTimeOffset.TryParse(query.Cursor, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var c) ? c : null;
        var newest = cursor;
        var found = new List<SourcedReview>();
        try
        {
            foreach (var location in locations)
            {
                string? pageToken = null;
                for (var page = 1; page <= o.MaxPages; page++)
                {
                    var path = $"v4/{location.Name}/reviews?pageSize={o.PageSize}&orderBy=updateTime%20desc" +
                               (pageToken is null ? "" : $"&pageToken={Uri.EscapeDataString(pageToken)}");
                    using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), cancellationToken, refreshToken);
                    if (Failure(response, refreshToken is not null) is { } failure)
                    {
                        return SourceFetchResult.Failed(failure);
                    }

                    var (body, problem) = await SourceResponses.ReadAsync<GoogleReviewPage>(response, "Google", cancellationToken);
                    if (body is null)
                    {
                        return SourceFetchResult.Failed(problem!);
                    }

                    var reachedCursor = false;
                    foreach (var raw in body.Reviews ?? [])
                    {
                        if (Map(raw, location) is not { } review)
                        {
                            return SourceFetchResult.Failed("Google sent a review without its id, times or a known star rating");
                        }

                        if (cursor is { } since && review.UpdatedAt < since)
                        {
                            reachedCursor = true;
                            break;
                        }

                        found.Add(review);
                        newest = newest is { } n && n > review.UpdatedAt!.Value ? n : review.UpdatedAt;
                    }

                    pageToken = body.NextPageToken;
                    if (reachedCursor || string.IsNullOrEmpty(pageToken))
                    {
                        break;
                    }
                }
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && HttpFailures.Describe(ex, "Google") is { } reason)
        {
            return SourceFetchResult.Failed(reason);
        }

        return SourceFetchResult.Ok(found, newest?.ToString("O", CultureInfo.InvariantCulture));
    }

    /// <summary>A location configured for the practice, or the one a manager connected from chat.</summary>
    public bool Serves(Practice practice, string sourceLocation) =>
        (options.Value.Practices.TryGetValue(practice.Slug, out var locations) && locations.Any(l => l.Name == sourceLocation))
        || connections?.IsConnectedLocation(practice.Id, SourceName, sourceLocation) == true;

    public async Task<ReplyPublishResult> PublishReplyAsync(Practice practice, Review review, string text, CancellationToken cancellationToken) =>
        NotOurs(practice, review) is { } refusal
            ? refusal
            : await ReplyAsync(() => new HttpRequestMessage(HttpMethod.Put, $"v4/{review.ExternalId}/reply") { Content = JsonContent.Create(new { comment = text }) },
                await RefreshTokenForAsync(practice, review, cancellationToken), cancellationToken);

    public async Task<ReplyPublishResult> DeleteReplyAsync(Practice practice, Review review, CancellationToken cancellationToken) =>
        NotOurs(practice, review) is { } refusal
            ? refusal
            : await ReplyAsync(() => new HttpRequestMessage(HttpMethod.Delete, $"v4/{review.ExternalId}/reply"),
                await RefreshTokenForAsync(practice, review, cancellationToken), cancellationToken);

    /// <summary>A review of the location connected from chat is answered with that account; any other with the deployment's.</summary>
    private async Task<string?> RefreshTokenForAsync(Practice practice, Review review, CancellationToken ct) =>
        connections is not null && await connections.FindAsync(practice.Id, SourceName, ct) is { } connected && connected.Location == review.SourceLocation
            ? connected.Secret
            : null;

    /// <summary>
    /// The deployment's token can reach every location its account manages, not only this practice's: so the review must
    /// have been read by this connector from a location configured for this practice now (or connected to it from chat,
    /// then answered with that account's own token), and its id must be a review
    /// of exactly that location (<c>{location}/reviews/{id}</c>), before anything is sent.
    /// </summary>
    private ReplyPublishResult? NotOurs(Practice practice, Review review)
    {
        var ours = review.Origin == ReviewOrigin.Polled
                   && string.Equals(review.Source, SourceName, StringComparison.Ordinal)
                   && review.SourceLocation is { Length: > 0 } location
                   && Serves(practice, location)
                   && review.ExternalId.StartsWith(location + "/reviews/", StringComparison.Ordinal)
                   && review.ExternalId[(location.Length + "/reviews/".Length)..] is { Length: > 0 } id
                   && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
        return ours ? null : ReplyPublishResult.Failed("the review is not from one of this practice's connected Google locations, so it was not sent to Google");
    }

    private async Task<ReplyPublishResult> ReplyAsync(Func<HttpRequestMessage> request, string? refreshToken, CancellationToken ct)
    {
        try
        {
            using var response = await SendAsync(request, ct, refreshToken);
            return Failure(response, refreshToken is not null) is { } failure ? ReplyPublishResult.Failed(failure) : ReplyPublishResult.Done;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && HttpFailures.Describe(ex, "Google") is { } reason)
        {
            return ReplyPublishResult.Failed(reason);
        }
    }

    /// <summary>
    /// One review by its name (<c>accounts/…/locations/…/reviews/…</c>), read with the practice's connected account (or
    /// the deployment's): what a Pub/Sub notification names. The review must lie under <paramref name="location"/>.
    /// </summary>
    public async Task<SourceFetchResult> FetchReviewAsync(GoogleLocation location, string reviewName, string? refreshToken, CancellationToken ct)
    {
        if (!reviewName.StartsWith(location.Name + "/reviews/", StringComparison.Ordinal)
            || !reviewName[(location.Name.Length + "/reviews/".Length)..].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return SourceFetchResult.Failed("the notification names a review outside the practice's location");
        }

        try
        {
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"v4/{reviewName}"), ct, refreshToken);
            if (Failure(response, refreshToken is not null) is { } failure)
            {
                return SourceFetchResult.Failed(failure);
            }

            var (body, problem) = await SourceResponses.ReadAsync<GoogleReview>(response, "Google", ct);
            if (body is null)
            {
                return SourceFetchResult.Failed(problem!);
            }

            return Map(body, location) is { } review && review.ExternalId == reviewName
                ? SourceFetchResult.Ok([review], null)
                : SourceFetchResult.Failed("Google sent a review without its id, times or a known star rating");
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && HttpFailures.Describe(ex, "Google") is { } reason)
        {
            return SourceFetchResult.Failed(reason);
        }
    }

    /// <summary>Sends with the current access token; on 401 the token is refreshed once and the request sent again.</summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, CancellationToken ct, string? refreshToken = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = create();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(ct, refreshToken));
            var response = await http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.Unauthorized || attempt == 2)
            {
                return response;
            }

            response.Dispose();
            tokens.Invalidate(refreshToken);
        }
    }

    private static string? Failure(HttpResponseMessage response, bool connected = false) => response.StatusCode switch
    {
        _ when response.IsSuccessStatusCode => null,
        HttpStatusCode.Unauthorized when connected => "Google refused the connected account's access even after a refresh (401): reconnect with `practice connect google`",
        HttpStatusCode.Forbidden when connected => "Google says the connected account may no longer manage the location (403): reconnect with `practice connect google`",
        HttpStatusCode.Unauthorized => $"Google refused the access token even after a refresh (401); check {GoogleSourceOptions.SectionName}:RefreshToken",
        HttpStatusCode.Forbidden => "Google refused access to a location (403); the account may have lost access to it",
        HttpStatusCode.NotFound => "Google does not know a configured location or review (404)",
        HttpStatusCode.TooManyRequests => "Google's quota is used up (429) even after backing off; the next poll tries again",
        _ => $"Google answered {SourceResponses.Describe(response.StatusCode)}",
    };

    private static SourcedReview? Map(GoogleReview raw, GoogleLocation location)
    {
        var id = raw.Name ?? (raw.ReviewId is { } rid ? $"{location.Name}/reviews/{rid}" : null);
        if (id is null || raw.CreateTime is not { } created || raw.UpdateTime is not { } updated
            || raw.StarRating is null || !Stars.TryGetValue(raw.StarRating, out var rating))
        {
            return null;
        }

        return new SourcedReview(
            SourceName,
            id,
            rating,
            null,
            raw.Reviewer is { IsAnonymous: true } ? "Anonymous" : raw.Reviewer?.DisplayName,
            raw.Comment,
            created,
            updated,
            null,
            location.Label,
            raw.ReviewReply is not null,
            location.Name);
    }
}
