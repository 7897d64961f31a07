using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PracticeBot.Adapters.Reviews.Google;
using PracticeBot.Adapters.Reviews.Tests.TestSupport;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Adapters.Reviews.Tests.Google;

/// <summary>The Google connector against a local fake of the Business Profile API v4 and the OAuth token endpoint.</summary>
public sealed class GoogleReviewSourceTests
{
    private const string Location = "accounts/111/locations/222";

    private static object Review(int n, string stars, string updated, bool replied = false) => new
    {
        name = $"{Location}/reviews/r{n}",
        reviewId = $"r{n}",
        reviewer = new { displayName = $"Reviewer {n}", isAnonymous = false },
        starRating = stars,
        comment = $"Review text {n}",
        createTime = updated,
        updateTime = updated,
        reviewReply = replied ? new { comment = "Thank you!", updateTime = updated } : null,
    };

    /// <summary>Seven reviews, newest first, three to a page.</summary>
    private static readonly object[][] Pages =
    [
        [Review(7, "FIVE", "2026-11-23T10:00:00Z"), Review(6, "ONE", "2026-11-22T10:00:00Z", replied: true), Review(5, "THREE", "2026-11-21T10:00:00Z")],
        [Review(4, "TWO", "2026-11-20T10:00:00Z"), Review(3, "FOUR", "2026-11-19T10:00:00Z"), Review(2, "FIVE", "2026-11-18T10:00:00Z")],
        [Review(1, "FIVE", "2026-11-17T10:00:00Z")],
    ];

    [Fact]
    public async Task Fetch_ThreePages_ReadsEveryPageInUpdateOrderAndReturnsNewestAsCursor()
    {
        await using var api = await FakeApi.StartAsync(PagedReviews);
        var (source, _) = Create(api);

        var result = await source.FetchAsync(Connectors.Query(), CancellationToken.None);

        Assert.Equal(SourceFetchStatus.Ok, result.Status);
        Assert.Equal(7, result.Reviews.Count);
        Assert.Equal("2026-11-23T10:00:00.0000000+00:00", result.Cursor);
        var calls = Api(api);
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Equal(($"/v4/{Location}/reviews", "50", "updateTime desc", "Bearer token-1"), (c.Path, c.Q("pageSize"), c.Q("orderBy"), c.Authorization)));
        Assert.Equal([null, "p2", "p3"], calls.Select(c => c.Q("pageToken")));
        var sixth = result.Reviews.Single(r => r.ExternalId == $"{Location}/reviews/r6");
        Assert.Equal((1, true, "Main St office", "Reviewer 6"), (sixth.Rating!.Value, sixth.HasOwnerReply, sixth.Location!, sixth.Author!));
    }

    [Fact]
    public async Task Fetch_WithCursor_StopsAtFirstOlderReviewWithoutReadingFurtherPages()
    {
        await using var api = await FakeApi.StartAsync(PagedReviews);
        var (source, _) = Create(api);

        var result = await source.FetchAsync(Connectors.Query("2026-11-22T00:00:00.0000000+00:00"), CancellationToken.None);

        Assert.Equal(["r7", "r6"], result.Reviews.Select(r => r.ExternalId.Split('/')[^1]));
        Assert.Single(Api(api));
    }

    [Fact]
    public async Task Fetch_AccessTokenRejected_RefreshesOnceAndRetries()
    {
        await using var api = await FakeApi.StartAsync(async (context, request) =>
        {
            if (request.Path == "/token")
            {
                await TokenAnswer(context, request);
                return;
            }

            if (request.Authorization != "Bearer token-2")
            {
                context.Response.StatusCode = 401;
                return;
            }

            await context.Response.WriteAsJsonAsync(new { reviews = Pages[2] });
        });
        var (source, _) = Create(api);

        var result = await source.FetchAsync(Connectors.Query(), CancellationToken.None);

        Assert.Equal(SourceFetchStatus.Ok, result.Status);
        var tokenCalls = api.Requests.Where(r => r.Path == "/token").ToList();
        Assert.Equal(2, tokenCalls.Count);
        Assert.All(tokenCalls, t => Assert.Contains("grant_type=refresh_token", t.Body, StringComparison.Ordinal));
        Assert.All(tokenCalls, t => Assert.Contains("refresh_token=the-refresh-token", t.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fetch_RefreshTokenRevoked_FailsWithReasonNamingTheSetting()
    {
        await using var api = await FakeApi.StartAsync(async (context, request) =>
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsJsonAsync(new { error = "invalid_grant" });
        });
        var (source, _) = Create(api);

        var result = await source.FetchAsync(Connectors.Query(), CancellationToken.None);

        Assert.Equal(SourceFetchStatus.Failed, result.Status);
        Assert.Contains("invalid_grant", result.Reason, StringComparison.Ordinal);
        Assert.Contains("Sources:Google:RefreshToken", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("the-refresh-token", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_QuotaExceededOnce_BacksOffAndSucceeds()
    {
        var throttled = 0;
        await using var api = await FakeApi.StartAsync(async (context, request) =>
        {
            if (request.Path == "/token")
            {
                await TokenAnswer(context, request);
                return;
            }

            if (Interlocked.Increment(ref throttled) == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                return;
            }

            await context.Response.WriteAsJsonAsync(new { reviews = Pages[2] });
        });
        var time = new FakeTimeProvider(Connectors.Now);
        var (source, _) = Create(api, time);

        var result = await FakeClock.RunAsync(time, () => source.FetchAsync(Connectors.Query(), CancellationToken.None));

        Assert.Equal((SourceFetchStatus.Ok, 1, 2), (result.Status, result.Reviews.Count, Api(api).Count));
        Assert.True(time.GetUtcNow() - Connectors.Now >= TimeSpan.FromSeconds(1), "the retry did not wait for Retry-After");
    }

    [Theory]
    [InlineData("{\"reviews\": [ {\"name\": ")]
    [InlineData("<html>Service temporarily unavailable</html>")]
    [InlineData("{\"reviews\": [{\"reviewId\": \"r1\", \"starRating\": \"SIX\", \"createTime\": \"2026-11-20T10:00:00Z\", \"updateTime\": \"2026-11-20T10:00:00Z\"}]}")]
    [InlineData("{\"reviews\": [{\"reviewId\": \"r1\", \"starRating\": \"FIVE\"}]}")]
    public async Task Fetch_MalformedSecondPage_FailsWholeSyncWithReason(string secondPage)
    {
        await using var api = await FakeApi.StartAsync(async (context, request) =>
        {
            if (request.Path == "/token")
            {
                await TokenAnswer(context, request);
                return;
            }

            if (request.Q("pageToken") is null)
            {
                await context.Response.WriteAsJsonAsync(new { reviews = Pages[0], nextPageToken = "p2" });
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(secondPage);
        });
        var (source, _) = Create(api);

        var result = await source.FetchAsync(Connectors.Query(), CancellationToken.None);

        Assert.Equal((SourceFetchStatus.Failed, 0, (string?)null), (result.Status, result.Reviews.Count, result.Cursor));
        Assert.StartsWith("Google sent", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_ServerError_FailsAfterRetriesWithStatusInReason()
    {
        await using var api = await FakeApi.StartAsync(async (context, request) =>
        {
            if (request.Path == "/token")
            {
                await TokenAnswer(context, request);
                return;
            }

            context.Response.StatusCode = 403;
        });
        var (source, _) = Create(api);

        var result = await source.FetchAsync(Connectors.Query(), CancellationToken.None);

        Assert.Equal(SourceFetchStatus.Failed, result.Status);
        Assert.Contains("403", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishReply_Review_PutsCommentOnItsReplyResource()
    {
        await using var api = await FakeApi.StartAsync(async (context, request) =>
        {
            if (request.Path == "/token")
            {
                await TokenAnswer(context, request);
                return;
            }

            await context.Response.WriteAsJsonAsync(new { comment = "ok", updateTime = "2026-11-23T15:00:00Z" });
        });
        var (source, _) = Create(api);

        var sunrise = Connectors.Practice("sunrise");
        var published = await source.PublishReplyAsync(sunrise, Polled($"{Location}/reviews/r1", Location), "Thank you for your feedback.", CancellationToken.None);
        var deleted = await source.DeleteReplyAsync(sunrise, Polled($"{Location}/reviews/r1", Location), CancellationToken.None);

        Assert.True(published.Succeeded && deleted.Succeeded);
        var calls = Api(api);
        Assert.Equal([("PUT", $"/v4/{Location}/reviews/r1/reply"), ("DELETE", $"/v4/{Location}/reviews/r1/reply")], calls.Select(c => (c.Method, c.Path)));
        Assert.Equal("Thank you for your feedback.", JsonDocument.Parse(calls[0].Body).RootElement.GetProperty("comment").GetString());
    }

    [Theory]
    [InlineData("sunrise", ReviewOrigin.Webhook, Location + "/reviews/r1", Location)]
    [InlineData("sunrise", ReviewOrigin.Polled, "accounts/999/locations/888/reviews/r1", "accounts/999/locations/888")]
    [InlineData("sunrise", ReviewOrigin.Polled, "accounts/999/locations/888/reviews/r1", Location)]
    [InlineData("sunrise", ReviewOrigin.Polled, Location + "/reviews/r1/../../../../locations/888/reviews/r1", Location)]
    [InlineData("elsewhere", ReviewOrigin.Polled, Location + "/reviews/r1", Location)]
    public async Task PublishReply_ReviewNotOfThePracticesConfiguredLocation_RefusedWithoutCallingGoogle(
        string slug, ReviewOrigin origin, string externalId, string sourceLocation)
    {
        await using var api = await FakeApi.StartAsync(async (context, request) =>
        {
            if (request.Path == "/token")
            {
                await TokenAnswer(context, request);
                return;
            }

            await context.Response.WriteAsJsonAsync(new { comment = "ok" });
        });
        var (source, _) = Create(api);
        var review = Polled(externalId, sourceLocation);
        review.Origin = origin;

        var published = await source.PublishReplyAsync(Connectors.Practice(slug), review, "Thanks.", CancellationToken.None);
        var deleted = await source.DeleteReplyAsync(Connectors.Practice(slug), review, CancellationToken.None);

        Assert.False(published.Succeeded || deleted.Succeeded);
        Assert.Contains("not from one of this practice's connected Google locations", published.Error, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Fetch_Review_RecordsTheLocationItWasReadFrom()
    {
        await using var api = await FakeApi.StartAsync(PagedReviews);
        var (source, _) = Create(api);

        var result = await source.FetchAsync(Connectors.Query(), CancellationToken.None);

        Assert.All(result.Reviews, r => Assert.Equal(Location, r.SourceLocation));
    }

    [Fact]
    public async Task PublishReply_ReviewGone_ReportsFailure()
    {
        await using var api = await FakeApi.StartAsync(async (context, request) =>
        {
            if (request.Path == "/token")
            {
                await TokenAnswer(context, request);
                return;
            }

            context.Response.StatusCode = 404;
        });
        var (source, _) = Create(api);

        var result = await source.PublishReplyAsync(Connectors.Practice("sunrise"), Polled($"{Location}/reviews/gone", Location), "Thanks.", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("404", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_TwoLocations_ReadsBothAndLabelsEachReview()
    {
        const string second = "accounts/111/locations/333";
        await using var api = await FakeApi.StartAsync(async (context, request) =>
        {
            if (request.Path == "/token")
            {
                await TokenAnswer(context, request);
                return;
            }

            var location = request.Path.Contains("333", StringComparison.Ordinal) ? second : Location;
            await context.Response.WriteAsJsonAsync(new
            {
                reviews = new[] { new { name = $"{location}/reviews/x", starRating = "FOUR", createTime = "2026-11-20T10:00:00Z", updateTime = "2026-11-20T10:00:00Z" } },
            });
        });
        var (source, _) = Create(api, extra: [("Sources:Google:Practices:sunrise:1:Name", second), ("Sources:Google:Practices:sunrise:1:Label", "Oak Ave clinic")]);

        var result = await source.FetchAsync(Connectors.Query(), CancellationToken.None);

        Assert.Equal([("Main St office", $"{Location}/reviews/x"), ("Oak Ave clinic", $"{second}/reviews/x")],
            result.Reviews.Select(r => (r.Location!, r.ExternalId)));
    }

    [Fact]
    public void Serves_PracticeWithLocations_OnlyThatPractice()
    {
        var (source, provider) = Create(null);
        using var _ = provider;

        Assert.True(source.Serves(Connectors.Practice("sunrise")));
        Assert.False(source.Serves(Connectors.Practice("elsewhere")));
    }

    private static async Task PagedReviews(HttpContext context, RecordedRequest request)
    {
        if (request.Path == "/token")
        {
            await TokenAnswer(context, request);
            return;
        }

        var (page, next) = request.Q("pageToken") switch
        {
            null => (0, "p2"),
            "p2" => (1, "p3"),
            _ => (2, (string?)null),
        };
        await context.Response.WriteAsJsonAsync(new { reviews = Pages[page], nextPageToken = next, totalReviewCount = 7 });
    }

    private static Review Polled(string externalId, string location) => new()
    {
        Source = GoogleReviewSource.SourceName, ExternalId = externalId, Origin = ReviewOrigin.Polled, SourceLocation = location,
    };

    private static Task TokenAnswer(HttpContext context, RecordedRequest request) =>
        context.Response.WriteAsJsonAsync(new { access_token = $"token-{request.Ordinal}", expires_in = 3599, token_type = "Bearer" });

    private static List<RecordedRequest> Api(FakeApi api) => api.Requests.Where(r => r.Path != "/token").ToList();

    private static (GoogleReviewSource Source, ServiceProvider Provider) Create(
        FakeApi? api, FakeTimeProvider? time = null, (string Key, string Value)[]? extra = null)
    {
        var url = api?.Url ?? "http://127.0.0.1:9";
        var provider = Connectors.Build(time ?? new FakeTimeProvider(Connectors.Now), [
            ("Sources:Google:BaseUrl", url),
            ("Sources:Google:TokenEndpoint", url + "/token"),
            ("Sources:Google:ClientId", "client"),
            ("Sources:Google:ClientSecret", "secret"),
            ("Sources:Google:RefreshToken", "the-refresh-token"),
            ("Sources:Google:Practices:sunrise:0:Name", Location),
            ("Sources:Google:Practices:sunrise:0:Label", "Main St office"),
            .. extra ?? []]);
        return (provider.GetRequiredService<GoogleReviewSource>(), provider);
    }
}
