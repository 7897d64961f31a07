using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PracticeBot.Adapters.Reviews.Facebook;
using PracticeBot.Adapters.Reviews.Tests.TestSupport;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Adapters.Reviews.Tests.Facebook;

/// <summary>The Facebook connector against a local fake of the Graph API /{page-id}/ratings edge.</summary>
public sealed class FacebookReviewSourceTests
{
    private static object Recommendation(int n, string type, string created) => new
    {
        created_time = created,
        recommendation_type = type,
        review_text = $"Recommendation {n}",
        reviewer = new { id = $"p{n}", name = $"Person {n}" },
        open_graph_story = new { id = $"story-{n}" },
    };

    private static readonly object[][] Pages =
    [
        [Recommendation(5, "positive", "2026-11-22T10:00:00+0000"), Recommendation(4, "negative", "2026-11-21T10:00:00+0000")],
        [Recommendation(3, "positive", "2026-11-20T10:00:00+0000"), Recommendation(2, "negative", "2026-11-19T10:00:00+0000")],
        [Recommendation(1, "positive", "2026-11-18T10:00:00+0000")],
    ];

    [Fact]
    public async Task Fetch_ThreePages_FollowsAfterCursorsAndMapsRecommendations()
    {
        await using var api = await FakeApi.StartAsync(Paged);
        var source = Create(api);

        var result = await source.FetchAsync(Connectors.Query(), CancellationToken.None);

        Assert.Equal((SourceFetchStatus.Ok, 5), (result.Status, result.Reviews.Count));
        Assert.Equal([null, "c1", "c2"], api.Requests.Select(r => r.Q("after")));
        Assert.All(api.Requests, r => Assert.Equal(("/v21.0/page-42/ratings", "Bearer page-token", null), (r.Path, r.Authorization, r.Q("access_token"))));
        var negative = result.Reviews.Single(r => r.ExternalId == "story-4");
        Assert.Equal(("negative", (int?)null, new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero)), (negative.Recommendation, negative.Rating, negative.CreatedAt));
        Assert.Equal("2026-11-22T10:00:00.0000000+00:00", result.Cursor);
    }

    [Fact]
    public async Task Fetch_WithCursor_StopsEarly()
    {
        await using var api = await FakeApi.StartAsync(Paged);
        var source = Create(api);

        var result = await source.FetchAsync(Connectors.Query("2026-11-21T12:00:00.0000000+00:00"), CancellationToken.None);

        Assert.Equal(["story-5"], result.Reviews.Select(r => r.ExternalId));
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task Fetch_EndpointDeprecated_ReportsSourceUnavailable()
    {
        await using var api = await FakeApi.StartAsync(async (context, request) =>
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsJsonAsync(new
            {
                error = new { message = "(#12) ratings is deprecated for versions v22.0 and higher", type = "OAuthException", code = 12, fbtrace_id = "x" },
            });
        });
        var source = Create(api);

        var result = await source.FetchAsync(Connectors.Query(), CancellationToken.None);

        Assert.Equal(SourceFetchStatus.Unavailable, result.Status);
        Assert.Contains("no longer serves page recommendations", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_ExpiredPageToken_FailsSayingSo()
    {
        await using var api = await FakeApi.StartAsync(async (context, request) =>
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsJsonAsync(new { error = new { type = "OAuthException", code = 190 } });
        });
        var source = Create(api);

        var result = await source.FetchAsync(Connectors.Query(), CancellationToken.None);

        Assert.Equal(SourceFetchStatus.Failed, result.Status);
        Assert.Contains("error 190", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_RateLimitedOnce_BacksOffAndSucceeds()
    {
        await using var api = await FakeApi.StartAsync(async (context, request) =>
        {
            if (request.Ordinal == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                return;
            }

            await context.Response.WriteAsJsonAsync(new { data = Pages[2] });
        });
        var time = new FakeTimeProvider(Connectors.Now);
        var source = Create(api, time);

        var result = await FakeClock.RunAsync(time, () => source.FetchAsync(Connectors.Query(), CancellationToken.None));

        Assert.Equal((SourceFetchStatus.Ok, 1, 2), (result.Status, result.Reviews.Count, api.Requests.Count));
    }

    [Theory]
    [InlineData("{\"data\": [{\"recommendation_type\": \"positive\"}]}")]
    [InlineData("{\"data\": [{\"created_time\": \"2026-11-20T10:00:00+0000\", \"recommendation_type\": \"meh\"}]}")]
    [InlineData("{\"data\": 7}")]
    public async Task Fetch_Malformed_FailsWithReason(string body)
    {
        await using var api = await FakeApi.StartAsync(async (context, request) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });
        var source = Create(api);

        var result = await source.FetchAsync(Connectors.Query(), CancellationToken.None);

        Assert.Equal((SourceFetchStatus.Failed, 0), (result.Status, result.Reviews.Count));
        Assert.StartsWith("Facebook sent", result.Reason, StringComparison.Ordinal);
    }

    private static async Task Paged(HttpContext context, RecordedRequest request)
    {
        var page = request.Q("after") switch { null => 0, "c1" => 1, _ => 2 };
        object paging = page < 2
            ? new { cursors = new { before = "b", after = $"c{page + 1}" }, next = $"https://graph.facebook.com/v21.0/page-42/ratings?after=c{page + 1}" }
            : new { cursors = new { before = "b", after = "c3" } };
        await context.Response.WriteAsJsonAsync(new { data = Pages[page], paging });
    }

    private static FacebookReviewSource Create(FakeApi api, FakeTimeProvider? time = null) =>
        Connectors.Build(time ?? new FakeTimeProvider(Connectors.Now),
                ("Sources:Facebook:BaseUrl", api.Url),
                ("Sources:Facebook:Practices:sunrise:PageId", "page-42"),
                ("Sources:Facebook:Practices:sunrise:PageToken", "page-token"))
            .GetRequiredService<FacebookReviewSource>();
}
