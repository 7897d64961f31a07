using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser (Debian's chromium through Playwright) against the real host on Kestrel: sign in
/// through the chat link, read the overview, filter and page the reviews, export, and a screenshot of every page.
/// </summary>
public sealed partial class DashboardBrowserTests
{
    private static readonly ConversationReference Channel = new(Platforms.Slack, "T-browser", "C-browser");
    private static readonly string[] Sources = ["google", "yelp", "facebook"];

    [BrowserFact]
    public async Task Browser_SignInOverviewFilterPageExport_EveryPageWorksAndIsCaptured()
    {
        using var file = new TempDatabaseFile();
        await using var factory = new BotFactory(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false"), ("urls", "http://127.0.0.1:0")));
        factory.UseKestrel();
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var dispatcher = factory.Services.GetRequiredService<BotDispatcher>();
        await dispatcher.DispatchAsync(new CommandReceived(Channel, new ChatUser("U-mgr"), "practice", "setup \"Browser Family Clinic\" America/Chicago"));
        var (practice, seeded) = await SeedAsync(factory);
        var answer = await dispatcher.DispatchAsync(new CommandReceived(Channel, new ChatUser("U-mgr"), "practice", "dashboard"));
        var link = address + LinkPattern().Match(Assert.Single(answer.Replies, r => r.Secret).Message.Text).Value;
        Directory.CreateDirectory(TestBrowser.ScreenshotFolder);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestBrowser.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();

        // Sign in through the chat link.
        await page.GotoAsync(link);
        await Shot(page, "01-sign-in");
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync($"{address}/dashboard/p/{practice}");

        // The overview shows the seeded figures.
        Assert.Equal(seeded.Count(s => SlaPlanner.Waiting.Contains(s.Status)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            await page.InnerTextAsync("#open-total"));
        Assert.Equal(seeded.Count(s => s.Source == "google").ToString(System.Globalization.CultureInfo.InvariantCulture),
            (await page.InnerTextAsync("#sources tr:has(td:text-is('google')) td:nth-child(2)")).Trim());
        await Shot(page, "02-overview");

        // Filter and page the reviews.
        await page.ClickAsync("nav a:text-is('Reviews')");
        await page.SelectOptionAsync("select[name=source]", "google");
        await page.ClickAsync("#apply");
        var google = seeded.Where(s => s.Source == "google").OrderByDescending(s => s.Received).ThenByDescending(s => s.Number).ToList();
        Assert.Equal($"{google.Count} reviews", await page.InnerTextAsync("#total"));
        await page.ClickAsync("#next");
        Assert.StartsWith("Page 2 of", await page.InnerTextAsync("#page"), StringComparison.Ordinal);
        var numbers = await page.Locator("#reviews tbody td:first-child").AllInnerTextsAsync();
        Assert.Equal(google.Skip(50).Take(50).Select(s => s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), numbers.Select(n => n.Trim()));
        await Shot(page, "03-reviews");

        // Export the current filter.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export"));
        var csv = Csv.Parse(File.ReadAllText(await download.PathAsync()).TrimStart('\uFEFF'));
        Assert.Equal(google.Select(s => s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), csv.Skip(1).Select(r => r[0]));

        // The other pages.
        await page.ClickAsync("#reviews tbody td:first-child a");
        await page.WaitForSelectorAsync("blockquote");
        await Shot(page, "04-review");
        await page.ClickAsync("nav a:text-is('Posting')");
        await Shot(page, "05-posting");
        await page.ClickAsync("nav a:text-is('Activity')");
        Assert.Contains("dashboard.signed-in", await page.InnerTextAsync("#activity"), StringComparison.Ordinal);
        await Shot(page, "06-activity");
        await page.GotoAsync($"{address}/dashboard/p/{practice}/print");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Shot(page, "07-print");
        await page.SetViewportSizeAsync(390, 844);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await page.GotoAsync($"{address}/dashboard/p/{practice}");
        await Shot(page, "08-overview-phone");

        // The same link a second time, in another browser: nobody is signed in.
        var other = await (await browser.NewContextAsync()).NewPageAsync();
        await other.GotoAsync(link);
        await other.ClickAsync("#sign-in");
        Assert.Contains("no longer works", await other.InnerTextAsync("main"), StringComparison.Ordinal);
        await other.GotoAsync($"{address}/dashboard/p/{practice}");
        Assert.Contains("Sign in from chat", await other.InnerTextAsync("h1"), StringComparison.Ordinal);
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestBrowser.ScreenshotFolder, $"dashboard-{name}.png"), FullPage = true });

    private static async Task<(long Practice, List<(int Number, string Source, DateTimeOffset Received, ReviewStatus Status)> Seeded)> SeedAsync(BotFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var practice = (await db.WorkspaceBindings.SingleAsync(b => b.WorkspaceId == Channel.WorkspaceId)).PracticeId;
        var now = TimeProvider.System.GetUtcNow();
        var random = new Random(7);
        var statuses = new[] { ReviewStatus.New, ReviewStatus.Claimed, ReviewStatus.Replied, ReviewStatus.Resolved };
        var seeded = Enumerable.Range(1, 400)
            .Select(n => (Number: n, Source: Sources[n % Sources.Length], Received: now.AddHours(-random.Next(1, 300 * 24)), Status: statuses[random.Next(statuses.Length)]))
            .ToList();
        db.Reviews.AddRange(seeded.Select(s => DashboardWorld.NewReview(practice, s.Number, s.Source, 1 + (s.Number % 5), s.Received, s.Status, $"Review number {s.Number}.")));
        await db.SaveChangesAsync();
        return (practice, seeded);
    }

    [GeneratedRegex(@"/dashboard/signin/[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();
}
