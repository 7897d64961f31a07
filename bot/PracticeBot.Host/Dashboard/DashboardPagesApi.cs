using PracticeBot.Core.Dashboard;
using PracticeBot.Core.Hosting;
using PracticeBot.Host.Dashboard.Pages;

namespace PracticeBot.Host.Dashboard;

/// <summary>
/// The pages of one practice, <c>/dashboard/p/{id}/…</c>. Each asks <see cref="DashboardGate"/> first, then reads
/// through the core's queries (scoped to that practice) and renders; none changes anything.
/// </summary>
public static class DashboardPagesApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/p/{id:long}", Overview);
        group.MapGet("/p/{id:long}/print", Print);
        group.MapGet("/p/{id:long}/reviews", Reviews);
        group.MapGet("/p/{id:long}/reviews/{number:int}", Review);
        group.MapGet("/p/{id:long}/reviews.csv", Export);
        group.MapGet("/p/{id:long}/posting", Posting);
        group.MapGet("/p/{id:long}/activity", Activity);
    }

    public static async Task<IResult> Overview(HttpContext http, long id, DashboardViewers viewers, OverviewReader reader, CancellationToken ct)
    {
        var (shell, refusal) = await DashboardGate.OpenAsync(http, viewers, id, "overview", "Overview", needsEverything: false, ct);
        if (shell is null)
        {
            return refusal!;
        }

        var overview = await reader.ReadAsync(shell.View!.Practice, ct);
        return DashboardGate.Render<OverviewPage>(StatusCodes.Status200OK, new()
        {
            [nameof(OverviewPage.Shell)] = shell,
            [nameof(OverviewPage.Overview)] = overview,
        });
    }

    public static async Task<IResult> Print(HttpContext http, long id, DashboardViewers viewers, OverviewReader reader, CancellationToken ct)
    {
        var (shell, refusal) = await DashboardGate.OpenAsync(http, viewers, id, "overview", "Overview (print)", needsEverything: false, ct);
        if (shell is null)
        {
            return refusal!;
        }

        var overview = await reader.ReadAsync(shell.View!.Practice, ct);
        return DashboardGate.Render<OverviewPage>(StatusCodes.Status200OK, new()
        {
            [nameof(OverviewPage.Shell)] = shell,
            [nameof(OverviewPage.Overview)] = overview,
            [nameof(OverviewPage.Printable)] = true,
        });
    }

    public static async Task<IResult> Reviews(HttpContext http, long id, DashboardViewers viewers, ReviewTable table, CancellationToken ct)
    {
        var (shell, refusal) = await DashboardGate.OpenAsync(http, viewers, id, "reviews", "Reviews", needsEverything: true, ct);
        if (shell is null)
        {
            return refusal!;
        }

        var problems = new List<string>();
        var filter = ReviewFilter.Parse(key => http.Request.Query[key].FirstOrDefault(), problems);
        var practice = shell.View!.Practice;
        return DashboardGate.Render<ReviewsPage>(StatusCodes.Status200OK, new()
        {
            [nameof(ReviewsPage.Shell)] = shell,
            [nameof(ReviewsPage.Filter)] = filter,
            [nameof(ReviewsPage.Problems)] = problems,
            [nameof(ReviewsPage.Result)] = await table.PageAsync(practice, filter, ct),
            [nameof(ReviewsPage.Choices)] = await table.ChoicesAsync(practice, ct),
        });
    }

    public static async Task<IResult> Review(HttpContext http, long id, int number, DashboardViewers viewers, ReviewHistory history, CancellationToken ct)
    {
        var (shell, refusal) = await DashboardGate.OpenAsync(http, viewers, id, "reviews", $"Review #{number}", needsEverything: true, ct);
        if (shell is null)
        {
            return refusal!;
        }

        if (await history.DetailAsync(shell.View!.Practice, number, ct) is not { } detail)
        {
            return DashboardGate.Render<MessagePage>(StatusCodes.Status404NotFound, new()
            {
                [nameof(MessagePage.Shell)] = shell with { Title = "No such review" },
                [nameof(MessagePage.Text)] = $"This practice has no review #{number}.",
            });
        }

        return DashboardGate.Render<ReviewPage>(StatusCodes.Status200OK, new()
        {
            [nameof(ReviewPage.Shell)] = shell,
            [nameof(ReviewPage.Detail)] = detail,
        });
    }

    /// <summary><c>GET …/reviews.csv?…</c>: every review the page's filter matches, in its order, as CSV.</summary>
    public static async Task<IResult> Export(HttpContext http, long id, DashboardViewers viewers, ReviewTable table, CancellationToken ct)
    {
        var (shell, refusal) = await DashboardGate.OpenAsync(http, viewers, id, "reviews", "Export", needsEverything: true, ct);
        if (shell is null)
        {
            return refusal!;
        }

        var filter = ReviewFilter.Parse(key => http.Request.Query[key].FirstOrDefault(), []);
        var practice = shell.View!.Practice;
        var rows = await table.AllAsync(practice, filter, ct);
        var csv = ReviewCsv.Write(rows, PracticeBot.Core.Posting.PostingDesk.Zone(practice));
        return Results.File(csv, ReviewCsv.ContentType, $"reviews-{practice.Slug}.csv");
    }

    public static async Task<IResult> Posting(HttpContext http, long id, DashboardViewers viewers, PostingBoardReader reader, IPublicLinks links, CancellationToken ct)
    {
        var (shell, refusal) = await DashboardGate.OpenAsync(http, viewers, id, "posting", "Posting", needsEverything: false, ct);
        if (shell is null)
        {
            return refusal!;
        }

        var board = await reader.ReadAsync(shell.View!.Practice, ct);
        return DashboardGate.Render<PostingPage>(StatusCodes.Status200OK, new()
        {
            [nameof(PostingPage.Shell)] = shell,
            [nameof(PostingPage.Board)] = board,
            [nameof(PostingPage.CalendarLink)] = board.CalendarPath is { } path ? links.To(path) : null,
        });
    }

    public static async Task<IResult> Activity(HttpContext http, long id, DashboardViewers viewers, ActivityLog log, CancellationToken ct)
    {
        var (shell, refusal) = await DashboardGate.OpenAsync(http, viewers, id, "activity", "Activity", needsEverything: true, ct);
        if (shell is null)
        {
            return refusal!;
        }

        var problems = new List<string>();
        var filter = ActivityFilter.Parse(key => http.Request.Query[key].FirstOrDefault(), problems);
        return DashboardGate.Render<ActivityPage>(StatusCodes.Status200OK, new()
        {
            [nameof(ActivityPage.Shell)] = shell,
            [nameof(ActivityPage.Filter)] = filter,
            [nameof(ActivityPage.Problems)] = problems,
            [nameof(ActivityPage.Result)] = await log.PageAsync(shell.View!.Practice, filter, ct),
        });
    }
}
