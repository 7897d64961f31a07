using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PracticeBot.Adapters.Reviews.Tests.TestSupport;
using PracticeBot.Adapters.Reviews.Yelp;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Adapters.Reviews.Tests.Yelp;

/// <summary>The Yelp connector against a local fake of Fusion's /v3/businesses/{id}/reviews with its RateLimit-* headers.</summary>
public sealed class YelpReviewSourceTests
{
    private static object Review(int n, int rating, string created) => new
    {
        id = $"y{n}",
        url = $"https://www.yelp.com/biz/sunrise?hrid=y{n}",
        text = $"Excerpt {n}...",
        rating,
        time_created = created,
        user = new { id = $"u{n}", name = $"User {n}." },
    };

    /// <summary>Eight reviews, newest first; Yelp pages with offset.</summary>
    private static readonly object[] All = Enumerable.Range(0, 8)
        .Select(i => Review(8 - i, 1 + i % 5, $"2026-11-{22 - i:00} 09:30:00"))
        .ToArray();

    [Fact]
    public async Task Fetch_ThreePages_PagesWithOffsetAndMapsPacificTimes()
    {
        await using var api = await FakeApi.StartAsync(Paged);
        var (source, _, _) = Create(api);

        var result = await source.FetchAsync(Connectors.Query(), CancellationToken.None);

        Assert.Equal((SourceFetchStatus.Ok, 8), (result.Status, result.Reviews.Count));
        Assert.Equal(["0", "3", "6"], api.Requests.Select(r => r.Q("offset")));
        Assert.All(api.Requests, r => Assert.Equal(("/v3/businesses/sunrise-family-medicine-austin/reviews", "Bearer yelp-key"), (r.Path, r.Authorization)));
        var newest = result.Reviews[0];
        Assert.Equal(("y8", "https://www.yelp.com/biz/sunrise?hrid=y8"), (newest.ExternalId, newest.Url!));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 17, 30, 0, TimeSpan.Zero), newest.CreatedAt); // 09:30 PST
    }

    [Fact]
    public async Task Fetch_WithCursor_StopsEarly()
    {
        await using var api = await FakeApi.StartAsync(Paged);
        var (source, _, _) = Create(api);

        var result = await source.FetchAsync(Connectors.Query("2026-11-21T00:00:00.0000000+00:00"), CancellationToken.None);

        Assert.Equal(["y8", "y7"], result.Reviews.Select(r => r.ExternalId));
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task Fetch_DailyBudget_IsNeverExceeded()
    {
        await using var api = await FakeApi.StartAsync(Paged);
        var (source, budget, _) = Create(api, budget: 4);

        var first = await source.FetchAsync(Connectors.Query(), CancellationToken.None);
        var second = await source.FetchAsync(Connectors.Query(), CancellationToken.None);
        var third = await source.FetchAsync(Connectors.Query(), CancellationToken.None);

        Assert.Equal(SourceFetchStatus.Ok, first.Status);
        Assert.Equal((SourceFetchStatus.Failed, SourceFetchStatus.Failed), (second.Status, third.Status));
        Assert.Contains("daily call budget (4) is used up", third.Reason, StringComparison.Ordinal);
        Assert.Equal(4, api.Requests.Count);
        Assert.Equal(4, budget.UsedToday);
    }

    [Fact]
    public async Task Fetch_YelpSaysNoneRemain_MakesNoFurtherCallUntilReset()
    {
        await using var api = await FakeApi.StartAsync(async (context, request) =>
        {
            context.Response.Headers["RateLimit-DailyLimit"] = "5000";
            context.Response.Headers["RateLimit-Remaining"] = "0";
            context.Response.Headers["RateLimit-ResetTime"] = "2026-11-24T00:00:00+00:00";
            await context.Response.WriteAsJsonAsync(new { reviews = All[..3], total = 3 });
        });
        var (source, _, time) = Create(api);

        await source.FetchAsync(Connectors.Query(), CancellationToken.None);
        var refused = await source.FetchAsync(Connectors.Query(), CancellationToken.None);
        time.Advance(TimeSpan.FromHours(10));
        var afterReset = await source.FetchAsync(Connectors.Query(), CancellationToken.None);

        Assert.Equal((SourceFetchStatus.Failed, SourceFetchStatus.Ok), (refused.Status, afterReset.Status));
        Assert.Equal(2, api.Requests.Count);
    }

    [Fact]
    public async Task Fetch_TooManyRequestsOnce_BacksOffAndSucceeds()
    {
        await using var api = await FakeApi.StartAsync(async (context, request) =>
        {
            if (request.Ordinal == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                return;
            }

            await context.Response.WriteAsJsonAsync(new { reviews = All[..3], total = 3 });
        });
        var (source, budget, time) = Create(api);

        var result = await FakeClock.RunAsync(time, () => source.FetchAsync(Connectors.Query(), CancellationToken.None));

        Assert.Equal((SourceFetchStatus.Ok, 3, 2), (result.Status, result.Reviews.Count, budget.UsedToday));
    }

    [Theory]
    [InlineData("{\"reviews\": \"none\"}")]
    [InlineData("{\"reviews\": [{\"id\": \"y1\", \"rating\": 9, \"time_created\": \"2026-11-20 10:00:00\"}], \"total\": 1}")]
    [InlineData("{\"reviews\": [{\"id\": \"y1\", \"rating\": 4, \"time_created\": \"yesterday\"}], \"total\": 1}")]
    [InlineData("not json")]
    public async Task Fetch_Malformed_FailsWithReason(string body)
    {
        await using var api = await FakeApi.StartAsync(async (context, request) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });
        var (source, _, _) = Create(api);

        var result = await source.FetchAsync(Connectors.Query(), CancellationToken.None);

        Assert.Equal((SourceFetchStatus.Failed, 0), (result.Status, result.Reviews.Count));
        Assert.StartsWith("Yelp sent", result.Reason, StringComparison.Ordinal);
    }

    private static async Task Paged(HttpContext context, RecordedRequest request)
    {
        var offset = int.Parse(request.Q("offset") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var limit = int.Parse(request.Q("limit") ?? "3", System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["RateLimit-DailyLimit"] = "5000";
        context.Response.Headers["RateLimit-Remaining"] = "4990";
        await context.Response.WriteAsJsonAsync(new { reviews = All.Skip(offset).Take(limit), total = All.Length });
    }

    private static (YelpReviewSource Source, YelpCallBudget Budget, FakeTimeProvider Time) Create(FakeApi api, int budget = 300)
    {
        var time = new FakeTimeProvider(Connectors.Now);
        var provider = Connectors.Build(time,
            ("Sources:Yelp:BaseUrl", api.Url),
            ("Sources:Yelp:ApiKey", "yelp-key"),
            ("Sources:Yelp:DailyBudget", budget.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Sources:Yelp:Practices:sunrise", "sunrise-family-medicine-austin"));
        return (provider.GetRequiredService<YelpReviewSource>(), provider.GetRequiredService<YelpCallBudget>(), time);
    }
}
