using System.Net;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;

namespace PracticeBot.Host.Tests.Dashboard;

/// <summary>
/// Who sees what: managers and responders everything of their own practice, posters the overview and posting, and
/// nobody anything of another practice, by any URL, page or export.
/// </summary>
public sealed class DashboardAccessTests
{
    private const string Marker = "QUINCE";

    private static readonly string[] PracticePages =
        ["", "/print", "/reviews", "/reviews/1", "/reviews/2", "/reviews.csv", "/reviews.csv?source=google", "/posting", "/activity", "/reviews?q=QUINCE"];

    [Fact]
    public async Task SecondPracticesManager_EveryUrlOfTheFirst_IsNotFoundAndShowsNothingOfIt()
    {
        await using var world = DashboardWorld.OnSqlite();
        var a = await world.SetUpPracticeAsync("a", $"Alder {Marker} Clinic", "U-a-mgr");
        var b = await world.SetUpPracticeAsync("b", "Birchwood Pediatrics", "U-b-mgr");
        await world.SeedAsync(db =>
        {
            db.Reviews.Add(DashboardWorld.NewReview(a, 1, "google", 1, DashboardWorld.Start.AddDays(-1), ReviewStatus.New, $"Secret {Marker} complaint"));
            db.Reviews.Add(DashboardWorld.NewReview(a, 2, "yelp", 5, DashboardWorld.Start.AddDays(-2), ReviewStatus.Replied, $"Lovely {Marker} staff"));
            db.Reviews.Add(DashboardWorld.NewReview(b, 1, "google", 4, DashboardWorld.Start.AddDays(-1), ReviewStatus.New, "Fine visit"));
        });
        var browser = await world.SignedInAsync("b", "U-b-mgr");

        var answers = new List<(string Path, HttpStatusCode Status, string Body)>();
        foreach (var page in PracticePages)
        {
            var path = $"/dashboard/p/{a}{page}";
            var (status, body) = await DashboardWorld.GetAsync(browser, path);
            answers.Add((path, status, body));
        }

        var start = await DashboardWorld.GetAsync(browser, "/dashboard");
        var ownReviews = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{b}/reviews?q={Marker}");
        var ownExport = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{b}/reviews.csv");
        var ownSecond = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{b}/reviews/2");

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.NotFound, $"{a.Path} answered {a.Status}"));
        Assert.All(answers, a => Assert.DoesNotContain(Marker, a.Body, StringComparison.Ordinal));
        Assert.DoesNotContain(Marker, start.Body, StringComparison.Ordinal);
        Assert.Contains("0 reviews", ownReviews.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, ownExport.Body, StringComparison.Ordinal);
        Assert.Equal(2, ownExport.Body.Trim().Split('\n').Length); // the header and B's one review
        Assert.Equal(HttpStatusCode.NotFound, ownSecond.Status); // A's review #2 is not B's
    }

    [Fact]
    public async Task Poster_SeesOverviewAndPostingOnly()
    {
        await using var world = DashboardWorld.OnSqlite();
        var a = await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        await world.AddMemberAsync(a, "U-poster", "Polly Poster", Role.Poster);
        var browser = await world.SignedInAsync("a", "U-poster");

        var statuses = new Dictionary<string, HttpStatusCode>();
        foreach (var page in new[] { "", "/posting", "/print", "/reviews", "/reviews/1", "/reviews.csv", "/activity" })
        {
            statuses[page] = (await DashboardWorld.GetAsync(browser, $"/dashboard/p/{a}{page}")).Status;
        }

        var overview = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{a}");
        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            statuses.Values);
        Assert.DoesNotContain("/reviews\"", overview.Body, StringComparison.Ordinal); // no Reviews tab for a poster
    }

    [Fact]
    public async Task Responder_SeesEveryPage()
    {
        await using var world = DashboardWorld.OnSqlite();
        var a = await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        await world.AddMemberAsync(a, "U-resp", "Remy Responder", Role.Responder);
        await world.SeedAsync(db => db.Reviews.Add(DashboardWorld.NewReview(a, 1, "google", 2, DashboardWorld.Start.AddHours(-3), ReviewStatus.New, "Slow")));
        var browser = await world.SignedInAsync("a", "U-resp");

        var statuses = new List<HttpStatusCode>();
        foreach (var page in new[] { "", "/posting", "/reviews", "/reviews/1", "/reviews.csv", "/activity" })
        {
            statuses.Add((await DashboardWorld.GetAsync(browser, $"/dashboard/p/{a}{page}")).Status);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task RoleTakenAway_SessionStillValid_ShowsNothingAnyMore()
    {
        await using var world = DashboardWorld.OnSqlite();
        var a = await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        await world.AddMemberAsync(a, "U-resp", "Remy Responder", Role.Responder);
        var browser = await world.SignedInAsync("a", "U-resp");

        await world.SeedAsync(db =>
        {
            var member = db.Members.Single(m => m.UserId == "U-resp");
            member.Roles = Role.None;
        });
        var after = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{a}");

        Assert.Equal(HttpStatusCode.NotFound, after.Status);
    }

    [Fact]
    public async Task PersonInTwoPractices_StartPage_ListsBothToPickFrom()
    {
        await using var world = DashboardWorld.OnSqlite();
        var a = await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        var b = await world.SetUpPracticeAsync("b", "Birchwood Pediatrics", "U-other");
        await world.AddMemberAsync(b, "U-mgr", "Morgan", Role.Responder);
        var browser = await world.SignedInAsync("a", "U-mgr");

        var start = await DashboardWorld.GetAsync(browser, "/dashboard");
        var other = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{b}");

        Assert.Equal(HttpStatusCode.OK, start.Status);
        Assert.Contains($"/dashboard/p/{a}\"", start.Body, StringComparison.Ordinal);
        Assert.Contains($"/dashboard/p/{b}\"", start.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.Status);
    }

    [Fact]
    public async Task Pages_CarryAStrictContentSecurityPolicyAndNoInlineStyleOrScript()
    {
        await using var world = DashboardWorld.OnSqlite();
        var a = await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        await world.SeedAsync(db => db.Reviews.Add(DashboardWorld.NewReview(a, 1, "google", 2, DashboardWorld.Start.AddHours(-3), ReviewStatus.New, "<script>alert(1)</script>")));
        var browser = await world.SignedInAsync("a", "U-mgr");

        foreach (var page in new[] { "", "/reviews", "/reviews/1", "/posting", "/activity" })
        {
            using var response = await browser.GetAsync(new Uri($"/dashboard/p/{a}{page}", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("style=", body, StringComparison.OrdinalIgnoreCase);
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }
}
