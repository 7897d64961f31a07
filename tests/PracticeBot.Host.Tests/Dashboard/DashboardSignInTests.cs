using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Dashboard;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Dashboard;

namespace PracticeBot.Host.Tests.Dashboard;

/// <summary>
/// <c>practice dashboard</c> in chat answers privately with a link that works once, for 10 minutes; pressing Sign in
/// starts an 8-hour session cookie.
/// </summary>
public sealed class DashboardSignInTests
{
    [Fact]
    public async Task SignIn_ThroughTheChatLink_SetsSessionCookieAndShowsTheOverview()
    {
        await using var world = DashboardWorld.OnSqlite();
        var practice = await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        var browser = world.Browser();
        var link = await world.LinkAsync("a", "U-mgr");

        var pressed = await DashboardWorld.PressSignInAsync(browser, link);
        var (status, body) = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{practice}");

        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        Assert.Equal($"/dashboard/p/{practice}", pressed.Headers.Location?.OriginalString);
        var cookie = Assert.Single(pressed.Headers.GetValues("Set-Cookie"), c => c.StartsWith(DashboardSession.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // loopback over http: a developer's machine
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Alder Street Clinic", body, StringComparison.Ordinal);
        Assert.Contains("Open reviews", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ThroughAPublicAddress_CookieIsSecure()
    {
        await using var world = DashboardWorld.OnSqlite(("PublicBaseUrl", "https://bot.example.org"));
        await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        var link = await world.LinkAsync("a", "U-mgr");
        var browser = world.Factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://bot.example.org") });

        var pressed = await DashboardWorld.PressSignInAsync(browser, link);

        Assert.StartsWith("https://bot.example.org/dashboard/signin/", link, StringComparison.Ordinal);
        var cookie = Assert.Single(pressed.Headers.GetValues("Set-Cookie"), c => c.StartsWith(DashboardSession.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_LinkUsedTwice_SecondPressSignsNobodyIn()
    {
        await using var world = DashboardWorld.OnSqlite();
        var practice = await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        var link = await world.LinkAsync("a", "U-mgr");
        var first = world.Browser();
        var second = world.Browser();

        var firstPress = await DashboardWorld.PressSignInAsync(first, link);
        var secondPress = await DashboardWorld.PressSignInAsync(second, link);
        var (secondStatus, _) = await DashboardWorld.GetAsync(second, $"/dashboard/p/{practice}");

        Assert.Equal(HttpStatusCode.Redirect, firstPress.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, secondPress.StatusCode);
        Assert.Contains("works once", await secondPress.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(secondPress.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(DashboardSession.CookieName + "=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Unauthorized, secondStatus);
    }

    [Fact]
    public async Task SignIn_OpeningTheLinkWithoutPressing_DoesNotUseItUp()
    {
        await using var world = DashboardWorld.OnSqlite();
        await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        var link = await world.LinkAsync("a", "U-mgr");

        // A link preview or a mail scanner fetches the link: that must not spend it.
        var preview = await DashboardWorld.GetAsync(world.Browser(), link);
        var pressed = await DashboardWorld.PressSignInAsync(world.Browser(), link);

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
    }

    [Theory]
    [InlineData(9 * 60 + 59, HttpStatusCode.Redirect)]
    [InlineData(10 * 60, HttpStatusCode.BadRequest)]
    public async Task SignIn_LinkAfterItsTenMinutes_SignsNobodyIn(int secondsLater, HttpStatusCode expected)
    {
        await using var world = DashboardWorld.OnSqlite();
        await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        var link = await world.LinkAsync("a", "U-mgr");
        world.Time.Advance(TimeSpan.FromSeconds(secondsLater));

        var pressed = await DashboardWorld.PressSignInAsync(world.Browser(), link);

        Assert.Equal(expected, pressed.StatusCode);
    }

    [Fact]
    public async Task Session_AfterEightHours_IsOver()
    {
        await using var world = DashboardWorld.OnSqlite();
        var practice = await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        var browser = await world.SignedInAsync("a", "U-mgr");

        world.Time.Advance(TimeSpan.FromHours(8) - TimeSpan.FromMinutes(1));
        var before = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{practice}");
        world.Time.Advance(TimeSpan.FromMinutes(2));
        var after = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{practice}");

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Contains("practice dashboard", after.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_IsStoredOnlyAsItsHash()
    {
        await using var world = DashboardWorld.OnSqlite();
        await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        var link = await world.LinkAsync("a", "U-mgr");
        var token = link[(link.LastIndexOf('/') + 1)..];

        await using var scope = world.Factory.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().DashboardSignIns.SingleAsync();

        Assert.Equal(DashboardTokens.Hash(token), row.TokenHash);
        Assert.NotEqual(token, row.TokenHash);
        Assert.Equal(DashboardWorld.Start + TimeSpan.FromMinutes(10), row.ExpiresAt);
    }

    [Fact]
    public async Task Command_MemberWithoutARole_IsRefusedAndGetsNoLink()
    {
        await using var world = DashboardWorld.OnSqlite();
        var practice = await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        await world.AddMemberAsync(practice, "U-plain", "Pat Plain", Role.None);

        var result = await world.SayAsync("a", "U-plain", "practice", "dashboard");

        Assert.DoesNotContain(result.Replies, r => r.Secret || r.Message.Text.Contains("/dashboard/signin/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_WithoutSession_AskToSignInFromChat()
    {
        await using var world = DashboardWorld.OnSqlite();
        var practice = await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");

        var page = await DashboardWorld.GetAsync(world.Browser(), $"/dashboard/p/{practice}/reviews");
        var export = await DashboardWorld.GetAsync(world.Browser(), $"/dashboard/p/{practice}/reviews.csv");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (page.Status, export.Status));
        Assert.Contains("practice dashboard", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_FormWithoutAntiforgeryToken_IsRefusedAndTheLinkStillWorks()
    {
        await using var world = DashboardWorld.OnSqlite();
        await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        var link = await world.LinkAsync("a", "U-mgr");

        var forged = await world.Browser().PostAsync(new Uri(link, UriKind.Relative), new FormUrlEncodedContent([]));
        var pressed = await DashboardWorld.PressSignInAsync(world.Browser(), link);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
    }
}
