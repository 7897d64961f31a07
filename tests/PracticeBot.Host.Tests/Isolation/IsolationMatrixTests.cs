using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Isolation;

/// <summary>One host on SQLite with practices A and B, shared by every row of the matrix.</summary>
#pragma warning disable CA1001 // disposed in DisposeAsync (xunit's IAsyncLifetime)
public sealed class IsolationMatrixFixture : IAsyncLifetime
{
    private readonly TempDatabaseFile _file = new();

    public IsolationMatrix Matrix { get; private set; } = null!;

    public async Task InitializeAsync() => Matrix = await IsolationMatrix.StartAsync(BotFactory.Sqlite(_file.Path));

    public async Task DisposeAsync()
    {
        await Matrix.DisposeAsync();
        _file.Dispose();
    }
}
#pragma warning restore CA1001

/// <summary>
/// Issue #9, tenant isolation: people of practice A, in every role, send every command of the grammar and press every
/// button with practice B's review numbers, review ids, slot, swap and nudge ids (and forms whose metadata points at B),
/// through Slack and Teams. Each is refused or stays within A, shows nothing of B, leaves B's rows exactly as they were,
/// sends nothing to B's channel, and each refusal is in the audit log. A workspace bound to no practice is refused too.
/// </summary>
[Collection(IsolationCollection.Name)]
public sealed class IsolationMatrixTests(IsolationMatrixFixture fixture) : IClassFixture<IsolationMatrixFixture>
{
    public static TheoryData<string, string, string, string> Rows()
    {
        var rows = new TheoryData<string, string, string, string>();
        foreach (var (adapter, role, attempt, delivery) in IsolationMatrix.Rows())
        {
            rows.Add(adapter, role, attempt.Name, delivery);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public Task Attempt_AimedAtPracticeB_NeverReachesB(string adapter, string role, string attempt, string delivery) =>
        fixture.Matrix.RunAsync(adapter, role, AttemptCatalog.ByName(attempt), delivery);

    [Fact]
    public void Catalog_EveryCommandAndActionRoute_HasAnAttempt()
    {
        var router = (BotRouter)new ServiceCollection().AddPracticeBotCore()
            .Single(d => d.ServiceType == typeof(BotRouter)).ImplementationInstance!;
        var covered = AttemptCatalog.All.Select(a => a.Route).ToHashSet(StringComparer.Ordinal);

        var routes = router.Routes.Where(r => r.Kind is RouteKind.Command or RouteKind.Action).Select(r => r.Name)
            .Concat(CommandCatalog.All.Select(c => $"command:{c.RouteName}"));

        var uncovered = routes.Where(r => !covered.Contains(r)).Distinct().ToList();
        var unknown = covered.Where(c => router.Routes.All(r => r.Name != c)).ToList();
        Assert.True(uncovered.Count == 0, $"Routes the isolation matrix does not try: {string.Join(", ", uncovered)}");
        Assert.True(unknown.Count == 0, $"Attempts for routes the router does not have: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Rows_EveryAttempt_RunsForEveryRoleOnBothAdapters()
    {
        var rows = IsolationMatrix.Rows().ToList();

        foreach (var attempt in AttemptCatalog.All)
        {
            foreach (var adapter in new[] { Platforms.Slack, Platforms.Teams })
            {
                var roles = rows.Where(r => r.Attempt == attempt && r.Adapter == adapter).Select(r => r.Role).ToHashSet();
                Assert.True(TwoPractices.ARoles.All(r => roles.Contains(r.Name)), $"{attempt.Name} misses a role on {adapter}");
                if (attempt.Expect != Expect.Unparsed)
                {
                    Assert.Contains(IsolationMatrix.Guest, roles);
                }

                var deliveries = rows.Where(r => r.Attempt == attempt && r.Adapter == adapter).Select(r => r.Delivery).ToHashSet();
                Assert.True(IsolationMatrix.DeliveriesOf(adapter, attempt).Where(d => !IsolationMatrix.Skipped(attempt, d)).All(deliveries.Contains), $"{attempt.Name} misses a delivery on {adapter}");
            }
        }

        Assert.Equal(AttemptCatalog.All.Count, AttemptCatalog.All.Select(a => a.Name).Distinct().Count());
    }

    [Fact]
    public async Task Webhook_SignedWithAsOwnSecret_CannotAddReviewsToB()
    {
        var matrix = fixture.Matrix;
        var secret = await matrix.Host.WithDbAsync(async db =>
        {
            var a = await db.Practices.SingleAsync(p => p.Id == matrix.Targets.APracticeId);
            var revealed = matrix.Host.Services.GetRequiredService<IWebhookSecretVault>().RevealOrCreate(a);
            await db.SaveChangesAsync();
            return revealed;
        });
        var review = new JsonObject
        {
            ["practice"] = TwoPractices.BSlug, ["source"] = "healthgrades", ["externalId"] = "hg-attack-1", ["rating"] = 1,
            ["text"] = "Planted by another practice.",
        }.ToJsonString();
        using var client = matrix.Host.CreateClient();

        using var response = await client.SendAsync(SignedRequests.Webhook("http://localhost", review, secret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(matrix.Baseline, await matrix.Host.SnapshotAsync(matrix.Targets.PracticeId));
    }

    [Fact]
    public async Task CalendarFeed_AsTokenOnBsPracticeId_IsNotFound()
    {
        var matrix = fixture.Matrix;
        using var client = matrix.Host.CreateClient();

        using var theirs = await client.GetAsync(new Uri($"/practice/{matrix.Targets.PracticeId}/posting.ics?token={matrix.Host.ACalendarToken}", UriKind.Relative));
        using var ours = await client.GetAsync(new Uri($"/practice/{matrix.Targets.APracticeId}/posting.ics?token={matrix.Host.ACalendarToken}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        Assert.DoesNotContain(TwoPractices.BMarker, await ours.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_CommandsAlsoArriveAsSlackMentionsAndTeamsPersonalChats()
    {
        var rows = IsolationMatrix.Rows().ToList();

        Assert.Contains(rows, r => r.Adapter == Platforms.Slack && r.Delivery == SlackAttacker.Mention && r.Role == IsolationMatrix.Guest);
        Assert.Contains(rows, r => r.Adapter == Platforms.Teams && r.Delivery == TeamsAttacker.Personal && r.Role == "manager");
    }

    [Fact]
    public async Task Guest_GivenARoleByAManager_IsLetIn()
    {
        // Issue #18 item 11: a guest gets a polite refusal until a manager gives them a role.
        var matrix = fixture.Matrix;
        using var client = matrix.Host.CreateClient();
        var slack = new SlackAttacker(matrix.Host, client);
        var guest = TwoPractices.SlackUser('a', "guestpromoted");
        var list = new Attempt("guest list", "command:review list", Expect.OwnPractice, Line: _ => "review all");
        var promote = new Attempt("promote", "command:practice role", Expect.OwnPractice, Line: _ => $"practice role <@{guest}> responder");

        var before = await slack.SendAsync(list, "typed", matrix.Targets, TwoPractices.ASlackTeam, TwoPractices.ASlackChannel, guest);
        await slack.SendAsync(promote, "typed", matrix.Targets, TwoPractices.ASlackTeam, TwoPractices.ASlackChannel, TwoPractices.SlackUser('a', "manager"));
        var after = await slack.SendAsync(list, "typed", matrix.Targets, TwoPractices.ASlackTeam, TwoPractices.ASlackChannel, guest);

        Assert.Contains("You are a guest", before.All, StringComparison.Ordinal);
        Assert.DoesNotContain(TwoPractices.AName, before.All, StringComparison.Ordinal);
        Assert.DoesNotContain("You are a guest", after.All, StringComparison.Ordinal);
        Assert.Contains(TwoPractices.AName, after.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_BsOwnManager_SeesBsReview()
    {
        // The matrix's leak check can only fail if B's data is really reachable from B: B's manager sees it.
        var matrix = fixture.Matrix;
        using var client = matrix.Host.CreateClient();
        var slack = new SlackAttacker(matrix.Host, client);
        var show = new Attempt("control", "command:review show", Expect.OwnPractice, Line: b => $"review {b.New}");

        var outcome = await slack.SendAsync(show, "typed", matrix.Targets, TwoPractices.BSlackTeam, TwoPractices.BSlackChannel, TwoPractices.SlackUser('b', "mgr"), TwoPractices.BPeople[0].DisplayName);

        Assert.Contains(TwoPractices.BMarker, outcome.All, StringComparison.Ordinal);
    }
}
