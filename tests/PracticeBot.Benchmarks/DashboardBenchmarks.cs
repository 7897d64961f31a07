using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Dashboard;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Dashboard;
using PracticeBot.Host.Dashboard.Pages;

namespace PracticeBot.Benchmarks;

/// <summary>
/// The dashboard's Reviews and Overview pages for a practice of 5,000 reviews, as the server makes them: for Reviews the
/// filtered count and page read from a SQLite file, the filter's choices, and the page rendered to HTML; for Overview
/// every figure and chart over 12 months computed from the same file and rendered. The budget is 200 ms a page.
/// </summary>
[MemoryDiagnoser]
public class DashboardBenchmarks
{
    private const int Reviews = 5_000;
    private static readonly string[] Sources = ["google", "yelp", "facebook", "healthgrades"];

    private ServiceProvider _services = null!;
    private string _file = "";
    private Practice _practice = null!;
    private DashboardShell _shell = null!;

    [GlobalSetup]
    public void Setup()
    {
        _file = Path.Combine(Path.GetTempPath(), $"practicebot-dashboard-bench-{Guid.NewGuid():N}.db");
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<PracticeBot.Core.Posting.IPostingCalendarTokens, NoCalendarTokens>()
            .AddDbContext<PracticeBotDb>(o => o.UseSqlite($"Data Source={_file}"))
            .AddPracticeBotCore()
            .BuildServiceProvider();
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        db.Database.EnsureCreated();
        _practice = new Practice { Name = "Benchmark Clinic", Slug = "benchmark-clinic", TimeZone = "America/Chicago" };
        db.Practices.Add(_practice);
        db.SaveChanges();
        var manager = new Member { PracticeId = _practice.Id, Platform = "slack", UserId = "U1", DisplayName = "Manager", Roles = Role.Manager };
        db.Members.Add(manager);
        var random = new Random(5000);
        var now = new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
        db.Reviews.AddRange(Enumerable.Range(1, Reviews).Select(n => new Review
        {
            PracticeId = _practice.Id,
            Number = n,
            Source = Sources[random.Next(Sources.Length)],
            ExternalId = $"r-{n}",
            Rating = random.Next(1, 6),
            Author = $"Reviewer {n}",
            Text = $"Review {n}: the visit was fine, the wait was long and the front desk was friendly enough.",
            ReceivedAt = now.AddMinutes(-random.Next(0, 700_000)),
            CreatedAt = now,
            Status = (ReviewStatus)random.Next(0, 10),
        }));
        db.SaveChanges();
        _shell = new DashboardShell("Reviews", new DashboardView(_practice, manager, DashboardRights.Everything), "reviews", null, "Manager");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Benchmark(Baseline = true)]
    public Task<int> FirstPage() => RenderAsync(new ReviewFilter());

    [Benchmark]
    public Task<int> FilteredSearchThirdPage() =>
        RenderAsync(new ReviewFilter { Source = "google", Search = "front desk", Sort = ReviewSort.LowestRating, Page = 3 });

    [Benchmark]
    public async Task<int> Overview()
    {
        await using var scope = _services.CreateAsyncScope();
        var overview = await scope.ServiceProvider.GetRequiredService<OverviewReader>().ReadAsync(_practice, CancellationToken.None);
        var parameters = new Dictionary<string, object?>
        {
            [nameof(OverviewPage.Shell)] = _shell,
            [nameof(OverviewPage.Overview)] = overview,
        };
        return await HtmlLengthAsync<OverviewPage>(scope.ServiceProvider, parameters);
    }

    private async Task<int> RenderAsync(ReviewFilter filter)
    {
        await using var scope = _services.CreateAsyncScope();
        var table = scope.ServiceProvider.GetRequiredService<ReviewTable>();
        var parameters = new Dictionary<string, object?>
        {
            [nameof(ReviewsPage.Shell)] = _shell,
            [nameof(ReviewsPage.Filter)] = filter,
            [nameof(ReviewsPage.Problems)] = Array.Empty<string>(),
            [nameof(ReviewsPage.Result)] = await table.PageAsync(_practice, filter, CancellationToken.None),
            [nameof(ReviewsPage.Choices)] = await table.ChoicesAsync(_practice, CancellationToken.None),
        };
        return await HtmlLengthAsync<ReviewsPage>(scope.ServiceProvider, parameters);
    }

    private static async Task<int> HtmlLengthAsync<TPage>(IServiceProvider services, Dictionary<string, object?> parameters)
        where TPage : IComponent
    {
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return html.Length;
    }

    /// <summary>The Reviews page needs no calendar feed.</summary>
    private sealed class NoCalendarTokens : PracticeBot.Core.Posting.IPostingCalendarTokens
    {
        public string Create(PracticeBot.Core.Posting.PostingPlan plan) => "";

        public string? Reveal(PracticeBot.Core.Posting.PostingPlan plan) => null;
    }
}
