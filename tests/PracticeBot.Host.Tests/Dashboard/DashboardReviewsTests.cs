using System.Net;
using System.Text.RegularExpressions;
using PracticeBot.Core.Reviews;

namespace PracticeBot.Host.Tests.Dashboard;

/// <summary>
/// The Reviews page and its export over 5,000 reviews: what each filter, sort and page shows is computed here from the
/// seeded list, independently of the host's queries.
/// </summary>
public sealed partial class DashboardReviewsTests : IAsyncLifetime
{
    private const int Count = 5000;
    private static readonly string[] Sources = ["google", "yelp", "facebook", "healthgrades"];
    private static readonly string[] Words = ["parking", "friendly", "billing", "wait", "kind", "rude"];
    private static readonly ReviewStatus[] Statuses = [ReviewStatus.New, ReviewStatus.Claimed, ReviewStatus.Replied, ReviewStatus.Resolved, ReviewStatus.NoReplyNeeded];
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private readonly List<Seeded> _seeded = [];
    private DashboardWorld _world = null!;
    private HttpClient _browser = null!;
    private long _practice;
    private long _claimer;

    public async Task InitializeAsync()
    {
        _world = DashboardWorld.OnSqlite();
        _practice = await _world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        _claimer = await _world.AddMemberAsync(_practice, "U-resp", "Remy Responder", Core.Practices.Role.Responder);
        var random = new Random(20261205);
        for (var n = 1; n <= Count; n++)
        {
            var received = DashboardWorld.Start.AddMinutes(-random.Next(0, 2 * 365 * 24 * 60));
            var text = n == 77 ? "=HYPERLINK(\"https://evil.example\",\"click\")" : $"Review {n}: {Words[random.Next(Words.Length)]} and {Words[random.Next(Words.Length)]}";
            _seeded.Add(new Seeded(n, Sources[random.Next(Sources.Length)], random.Next(1, 6), received, Statuses[random.Next(Statuses.Length)],
                random.Next(4) == 0 ? _claimer : null, text));
        }

        await _world.SeedAsync(db => db.Reviews.AddRange(_seeded.Select(s =>
        {
            var review = DashboardWorld.NewReview(_practice, s.Number, s.Source, s.Rating, s.Received, s.Status, s.Text);
            review.ClaimedByMemberId = s.ClaimedBy;
            return review;
        })));
        _browser = await _world.SignedInAsync("a", "U-mgr");
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Reviews_NoFilter_FirstPageIsTheNewestFifty()
    {
        var (status, body) = await DashboardWorld.GetAsync(_browser, $"/dashboard/p/{_practice}/reviews");

        var expected = _seeded.OrderByDescending(s => s.Received).ThenByDescending(s => s.Number).Take(50).Select(s => s.Number);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, Numbers(body));
        Assert.Contains($"{Count} reviews", body, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 100", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviews_SourceStarsAndText_SecondPageOldestFirst()
    {
        var query = "source=google&stars=2&q=PARKING&sort=Oldest&page=2";
        var (_, body) = await DashboardWorld.GetAsync(_browser, $"/dashboard/p/{_practice}/reviews?{query}");

        var matching = _seeded.Where(s => s.Source == "google" && s.Rating == 2 && s.Text.Contains("parking", StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Received).ThenBy(s => s.Number).ToList();
        Assert.True(matching.Count > 50, $"the seed should give more than one page ({matching.Count})");
        Assert.Equal(matching.Skip(50).Take(50).Select(s => s.Number), Numbers(body));
        Assert.Contains($"{matching.Count} reviews", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviews_StatusClaimerAndDates_ShowExactlyTheMatches()
    {
        var (from, to) = (new DateOnly(2026, 3, 1), new DateOnly(2026, 8, 31));
        var query = $"status=Claimed&claimedBy={_claimer}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&sort=Number";
        var (_, body) = await DashboardWorld.GetAsync(_browser, $"/dashboard/p/{_practice}/reviews?{query}");

        var matching = _seeded.Where(s => s.Status == ReviewStatus.Claimed && s.ClaimedBy == _claimer && InDays(s.Received, from, to))
            .OrderBy(s => s.Number).ToList();
        Assert.Equal(matching.Take(50).Select(s => s.Number), Numbers(body));
        Assert.Contains($"{matching.Count} reviews", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviews_BadValues_AreNamedAndIgnored()
    {
        var (status, body) = await DashboardWorld.GetAsync(_browser, $"/dashboard/p/{_practice}/reviews?stars=9&from=yesterday&page=-3&status=Lost");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Stars must be a number from 1 to 5.", body, StringComparison.Ordinal);
        Assert.Contains("From must be a date like", body, StringComparison.Ordinal);
        Assert.Contains("Unknown status", body, StringComparison.Ordinal);
        Assert.Contains($"{Count} reviews", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_MatchesTheFilterRowForRow()
    {
        var query = "source=yelp&q=rude&sort=HighestRating";
        using var response = await _browser.GetAsync(new Uri($"/dashboard/p/{_practice}/reviews.csv?{query}&page=3", UriKind.Relative));
        var csv = await response.Content.ReadAsStringAsync();

        var expected = _seeded.Where(s => s.Source == "yelp" && s.Text.Contains("rude", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(s => s.Rating).ThenByDescending(s => s.Received).ThenByDescending(s => s.Number).ToList();
        var rows = Csv.Parse(csv.TrimStart('\uFEFF'));
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["number", "received", "source", "rating"], rows[0].Take(4));
        Assert.Equal(expected.Select(s => s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Skip(1).Select(r => r[0]));
        Assert.All(rows.Skip(1).Zip(expected), p => Assert.Equal(p.Second.Text, p.First[11]));
    }

    [Fact]
    public async Task Export_FormulaInReviewText_IsDefused()
    {
        var csv = (await DashboardWorld.GetAsync(_browser, $"/dashboard/p/{_practice}/reviews.csv?q=HYPERLINK")).Body;

        var row = Assert.Single(Csv.Parse(csv.TrimStart('\uFEFF')).Skip(1));
        Assert.Equal("77", row[0]);
        Assert.StartsWith("'=HYPERLINK", row[11], StringComparison.Ordinal);
    }

    private static bool InDays(DateTimeOffset at, DateOnly from, DateOnly to)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Chicago).DateTime);
        return day >= from && day <= to;
    }

    private static List<int> Numbers(string body) =>
        [.. RowNumber().Matches(body).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"<td class=""num""><a href=""/dashboard/p/\d+/reviews/(\d+)"">")]
    private static partial Regex RowNumber();

    private sealed record Seeded(int Number, string Source, int Rating, DateTimeOffset Received, ReviewStatus Status, long? ClaimedBy, string Text);
}
