using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Dashboard;
using PracticeBot.Host.Tests.TestSupport;
using static PracticeBot.Host.Tests.Dashboard.DashboardProviderWorld;

namespace PracticeBot.Host.Tests.Dashboard;

/// <summary>
/// "Sign in with Slack" and "Sign in with Microsoft": the real OpenID Connect handler against a loopback provider; the
/// person it vouches for gets the chat link's session, with the same rights, or a clear page when they have none.
/// </summary>
public sealed class DashboardProviderSignInTests
{
    [Fact]
    public async Task Slack_Manager_GetsSessionAndOpensTheirOverviewAndReviews()
    {
        await using var fake = await FakeOpenIdProvider.StartAsync("slack");
        await using var world = DashboardWorld.OnSqlite(Slack(fake));
        var practice = await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        fake.NextPerson = SlackPerson("T-a", "U-mgr", "Mia Manager");
        var browser = world.Browser();

        using var callback = await SignInWithAsync(browser, "slack");
        var start = await DashboardWorld.GetAsync(browser, "/dashboard");
        using var startResponse = await browser.GetAsync(new Uri("/dashboard", UriKind.Relative));
        var overview = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{practice}");
        var reviews = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{practice}/reviews");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/dashboard", callback.Headers.Location?.OriginalString);
        Assert.True(SetsSession(callback));
        Assert.Equal($"/dashboard/p/{practice}", startResponse.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, overview.Status);
        Assert.Contains("Alder Street Clinic", overview.Body, StringComparison.Ordinal);
        Assert.Contains("Open reviews", overview.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reviews.Status);
        var token = Assert.Single(fake.TokenRequests);
        Assert.Equal(FakeOpenIdProvider.ClientSecret, token["client_secret"]);
        await using var scope = world.Factory.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().AuditEntries
            .SingleAsync(e => e.Action == "dashboard.signed-in");
        Assert.Equal((practice, "slack:U-mgr", "via slack"), (audit.PracticeId!.Value, audit.Actor, audit.Detail));
    }

    [Fact]
    public async Task Slack_WithPublicBaseUrl_ProviderSendsThePersonBackToThePublicAddress()
    {
        await using var fake = await FakeOpenIdProvider.StartAsync("slack");
        await using var world = DashboardWorld.OnSqlite([.. Slack(fake), ("PublicBaseUrl", "https://bot.example.org")]);
        var practice = await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        fake.NextPerson = SlackPerson("T-a", "U-mgr", "Mia Manager");
        // Behind a proxy that passes on its own upstream host name, not the public one.
        var browser = world.Factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://practicebot-upstream:8080") });

        using var challenge = await PressAsync(browser, "slack");
        using var callback = await SignInWithAsync(browser, "slack");
        var overview = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{practice}");

        Assert.Contains("redirect_uri=" + Uri.EscapeDataString("https://bot.example.org/dashboard/oidc/slack/callback"),
            challenge.Headers.Location!.Query, StringComparison.Ordinal);
        Assert.All(fake.TokenRequests, t => Assert.Equal("https://bot.example.org/dashboard/oidc/slack/callback", t["redirect_uri"]));
        Assert.True(SetsSession(callback));
        Assert.Equal(HttpStatusCode.OK, overview.Status);
    }

    [Fact]
    public async Task Slack_Poster_SeesOverviewButNotReviews()
    {
        await using var fake = await FakeOpenIdProvider.StartAsync("slack");
        await using var world = DashboardWorld.OnSqlite(Slack(fake));
        var practice = await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        await world.AddMemberAsync(practice, "U-poster", "Polly Poster", Role.Poster);
        fake.NextPerson = SlackPerson("T-a", "U-poster", "Polly Poster");
        var browser = world.Browser();

        using var callback = await SignInWithAsync(browser, "slack");
        var overview = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{practice}");
        var posting = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{practice}/posting");
        var reviews = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{practice}/reviews");
        var export = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{practice}/reviews.csv");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (overview.Status, posting.Status));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (reviews.Status, export.Status));
    }

    [Fact]
    public async Task Entra_TeamsMember_IsFoundByTenantAndObjectIdAndOpensTheOverview()
    {
        await using var fake = await EntraProviderAsync();
        await using var world = DashboardWorld.OnSqlite(Entra(fake));
        var practice = await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        const string objectId = "6b0e2a8c-1111-4222-8333-444455556666";
        await TeamsMemberAsync(world, practice, "29:teams-user-1", objectId, "Rae Responder", Role.Responder);
        fake.NextPerson = EntraPerson(Tenant, objectId, "Rae Responder");
        var browser = world.Browser();

        using var callback = await SignInWithAsync(browser, "entra");
        var overview = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{practice}");
        var activity = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{practice}/activity");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/dashboard", callback.Headers.Location?.OriginalString);
        Assert.True(SetsSession(callback));
        Assert.Equal(HttpStatusCode.OK, overview.Status);
        Assert.Contains("Alder Street Clinic", overview.Body, StringComparison.Ordinal);
        Assert.Contains("Rae Responder", overview.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, activity.Status);
        Assert.Contains("code_verifier", Assert.Single(fake.TokenRequests).Keys);
    }

    [Fact]
    public async Task Entra_SameObjectIdInAnotherTenant_HasNoPractice()
    {
        await using var fake = await EntraProviderAsync();
        await using var world = DashboardWorld.OnSqlite(Entra(fake));
        var practice = await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        const string objectId = "6b0e2a8c-1111-4222-8333-444455556666";
        await TeamsMemberAsync(world, practice, "29:teams-user-1", objectId, "Rae Responder", Role.Manager);
        fake.NextPerson = EntraPerson("99999999-0000-4000-8000-000000000000", objectId, "Rae Responder");

        using var callback = await SignInWithAsync(world.Browser(), "entra");

        Assert.Equal(DashboardProviderSignIn.NoPracticePath, callback.Headers.Location?.OriginalString);
        Assert.False(SetsSession(callback));
    }

    [Fact]
    public async Task Slack_ManagerOfB_CannotReachAnyPageOrExportOfA()
    {
        await using var fake = await FakeOpenIdProvider.StartAsync("slack");
        await using var world = DashboardWorld.OnSqlite(Slack(fake));
        var a = await world.SetUpPracticeAsync("a", "Alder QUINCE Clinic", "U-a-mgr");
        var b = await world.SetUpPracticeAsync("b", "Birchwood Pediatrics", "U-b-mgr");
        await world.SeedAsync(db => db.Reviews.Add(DashboardWorld.NewReview(a, 1, "google", 1, DashboardWorld.Start.AddDays(-1), ReviewStatus.New, "QUINCE complaint")));
        fake.NextPerson = SlackPerson("T-b", "U-b-mgr", "Bo Manager");
        var browser = world.Browser();

        using var callback = await SignInWithAsync(browser, "slack");
        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var page in new[] { "", "/reviews", "/reviews/1", "/reviews.csv", "/posting", "/activity" })
        {
            answers.Add(await DashboardWorld.GetAsync(browser, $"/dashboard/p/{a}{page}"));
        }

        var own = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{b}");

        Assert.True(SetsSession(callback));
        Assert.All(answers, x => Assert.Equal(HttpStatusCode.NotFound, x.Status));
        Assert.All(answers, x => Assert.DoesNotContain("QUINCE", x.Body, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, own.Status);
    }

    [Theory]
    [InlineData("T-z", "U-nobody")] // nobody the bot knows
    [InlineData("T-b", "U-a-mgr")] // A's manager's user id, but vouched for in another workspace
    public async Task Slack_PersonWithoutAPractice_GetsTheNoPracticePageAndNoSession(string team, string user)
    {
        await using var fake = await FakeOpenIdProvider.StartAsync("slack");
        await using var world = DashboardWorld.OnSqlite(Slack(fake));
        var a = await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-a-mgr");
        fake.NextPerson = SlackPerson(team, user, "Stranger");
        var browser = world.Browser();

        using var callback = await SignInWithAsync(browser, "slack");
        var page = await DashboardWorld.GetAsync(browser, callback.Headers.Location!.OriginalString);
        var practicePage = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{a}");

        Assert.Equal(DashboardProviderSignIn.NoPracticePath, callback.Headers.Location.OriginalString);
        Assert.False(SetsSession(callback));
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("No practice to show you", page.Body, StringComparison.Ordinal);
        Assert.Contains("practice dashboard", page.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, practicePage.Status);
    }

    [Theory]
    [InlineData(FakeOpenIdProvider.Forgery.NoSignature)]
    [InlineData(FakeOpenIdProvider.Forgery.StrangerKey)]
    [InlineData(FakeOpenIdProvider.Forgery.WrongIssuer)]
    [InlineData(FakeOpenIdProvider.Forgery.WrongAudience)]
    public async Task Slack_ForgedIdToken_IsRefusedWithAClearPage(FakeOpenIdProvider.Forgery forgery)
    {
        await using var fake = await FakeOpenIdProvider.StartAsync("slack");
        await using var world = DashboardWorld.OnSqlite(Slack(fake));
        var practice = await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        fake.NextPerson = SlackPerson("T-a", "U-mgr", "Mia Manager");
        fake.Forge = forgery;
        var browser = world.Browser();

        using var callback = await SignInWithAsync(browser, "slack");
        var page = await DashboardWorld.GetAsync(browser, callback.Headers.Location!.OriginalString);
        var overview = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{practice}");

        Assert.Equal(DashboardProviderSignIn.ProblemPath + "?why=failed", callback.Headers.Location.OriginalString);
        Assert.False(SetsSession(callback));
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("could not be verified", page.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, overview.Status);
    }

    [Fact]
    public async Task Entra_TokenOfOneTenantIssuedAsAnother_IsRefused()
    {
        await using var fake = await EntraProviderAsync();
        await using var world = DashboardWorld.OnSqlite(Entra(fake));
        var practice = await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        const string objectId = "6b0e2a8c-1111-4222-8333-444455556666";
        await TeamsMemberAsync(world, practice, "29:teams-user-1", objectId, "Rae Responder", Role.Manager);
        // The issuer is that of the other tenant named in "tid": a token some other tenant's app could mint for itself.
        fake.NextPerson = FakeOpenIdProvider.Person(("tid", Tenant), ("oid", objectId), ("sub", "s"));
        fake.Forge = FakeOpenIdProvider.Forgery.WrongIssuer;

        using var callback = await SignInWithAsync(world.Browser(), "entra");

        Assert.Equal(DashboardProviderSignIn.ProblemPath + "?why=failed", callback.Headers.Location?.OriginalString);
        Assert.False(SetsSession(callback));
    }

    [Fact]
    public async Task Provider_DeniesAccess_ClearPageAndNoSession()
    {
        await using var fake = await FakeOpenIdProvider.StartAsync("slack");
        await using var world = DashboardWorld.OnSqlite(Slack(fake));
        await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        fake.NextPerson = FakeOpenIdProvider.Person(("deny", "yes"));
        var browser = world.Browser();

        using var callback = await SignInWithAsync(browser, "slack");
        var page = await DashboardWorld.GetAsync(browser, callback.Headers.Location!.OriginalString);

        Assert.Equal(DashboardProviderSignIn.ProblemPath + "?why=denied", callback.Headers.Location.OriginalString);
        Assert.False(SetsSession(callback));
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("cancelled or refused", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_WithAStateThisBrowserDidNotStart_IsRefused()
    {
        await using var fake = await FakeOpenIdProvider.StartAsync("slack");
        await using var world = DashboardWorld.OnSqlite(Slack(fake));
        await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        fake.NextPerson = SlackPerson("T-a", "U-mgr", "Mia Manager");
        var victim = world.Browser();
        var attacker = world.Browser();

        // The attacker starts a sign-in and hands the callback to another browser (login CSRF): no correlation cookie there.
        using var challenge = await PressAsync(attacker, "slack");
        using var outside = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var back = await outside.GetAsync(challenge.Headers.Location);
        using var callback = await victim.GetAsync(new Uri(back.Headers.Location!.PathAndQuery, UriKind.Relative));
        using var garbled = await victim.GetAsync(new Uri("/dashboard/oidc/slack/callback?code=x&state=not-a-state", UriKind.Relative));

        Assert.Equal(DashboardProviderSignIn.ProblemPath + "?why=failed", callback.Headers.Location?.OriginalString);
        Assert.False(SetsSession(callback));
        Assert.Equal(DashboardProviderSignIn.ProblemPath + "?why=failed", garbled.Headers.Location?.OriginalString);
        Assert.Empty(fake.TokenRequests);
    }

    [Fact]
    public async Task NoProviderConfigured_NoButtonAndTheProviderPathsAreNotFound()
    {
        await using var fake = await FakeOpenIdProvider.StartAsync("slack");
        await using var configured = DashboardWorld.OnSqlite(Slack(fake));
        await using var world = DashboardWorld.OnSqlite();
        var browser = world.Browser();

        var start = await DashboardWorld.GetAsync(browser, "/dashboard");
        using var press = await browser.PostAsync(new Uri("/dashboard/oidc/slack", UriKind.Relative), new FormUrlEncodedContent([]));
        using var pressEntra = await browser.PostAsync(new Uri("/dashboard/oidc/entra", UriKind.Relative), new FormUrlEncodedContent([]));
        var callback = await DashboardWorld.GetAsync(browser, "/dashboard/oidc/slack/callback?code=x&state=y");
        var entraCallback = await DashboardWorld.GetAsync(browser, "/dashboard/oidc/entra/callback?code=x&state=y");
        // The same requests where Slack is configured: the paths exist there, so the 404s above come from the settings.
        var configuredStart = await DashboardWorld.GetAsync(configured.Browser(), "/dashboard");
        using var configuredCallback = await configured.Browser().GetAsync(new Uri("/dashboard/oidc/slack/callback?code=x&state=y", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, start.Status);
        Assert.DoesNotContain("/dashboard/oidc/", start.Body, StringComparison.Ordinal);
        Assert.Contains("practice dashboard", start.Body, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (press.StatusCode, pressEntra.StatusCode));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (callback.Status, entraCallback.Status));
        Assert.Contains("action=\"/dashboard/oidc/slack\"", configuredStart.Body, StringComparison.Ordinal);
        Assert.Equal(DashboardProviderSignIn.ProblemPath + "?why=failed", configuredCallback.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task OnlyEntraConfigured_StartPageShowsOnlyItsButtonUnderTheStrictPolicy()
    {
        await using var fake = await EntraProviderAsync();
        await using var world = DashboardWorld.OnSqlite(Entra(fake));
        var browser = world.Browser();

        using var start = await browser.GetAsync(new Uri("/dashboard", UriKind.Relative));
        var body = await start.Content.ReadAsStringAsync();
        using var slack = await browser.PostAsync(new Uri("/dashboard/oidc/slack", UriKind.Relative), new FormUrlEncodedContent([]));
        using var unforged = await browser.PostAsync(new Uri("/dashboard/oidc/entra", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Contains("action=\"/dashboard/oidc/entra\"", body, StringComparison.Ordinal);
        Assert.Contains("Sign in with Microsoft", body, StringComparison.Ordinal);
        Assert.DoesNotContain("/dashboard/oidc/slack", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(DashboardApi.ContentSecurityPolicy, start.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", DashboardApi.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, slack.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unforged.StatusCode); // no anti-forgery token: no trip to the provider
    }
}
