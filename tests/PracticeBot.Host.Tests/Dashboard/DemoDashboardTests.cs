using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Demo;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Dashboard;

/// <summary>Right after the first start, the demo practice's dashboard has a year to show.</summary>
public sealed partial class DemoDashboardTests
{
    [Fact]
    public async Task DemoPractice_FirstStart_DashboardShowsTwelveMonthsOfReviewsAndPosts()
    {
        using var file = new TempDatabaseFile();
        var time = new FakeTimeProvider(DashboardWorld.Start);
        await using var factory = new BotFactory(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "true"), ("Sources:Demo:Enabled", "false")),
            s => s.AddSingleton<TimeProvider>(time));
        _ = factory.Server;
        var dispatcher = factory.Services.GetRequiredService<BotDispatcher>();
        var answer = await dispatcher.DispatchAsync(new CommandReceived(DemoPractice.Channel, new(DemoPractice.ManagerUserId), "practice", "dashboard"));
        var link = LinkPattern().Match(Assert.Single(answer.Replies, r => r.Secret).Message.Text).Value;
        var browser = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await DashboardWorld.PressSignInAsync(browser, link)).StatusCode);
        long id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Practices.SingleAsync(p => p.Slug == DemoPractice.Slug)).Id;
        }

        var overview = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{id}");
        var posting = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{id}/posting");
        var reviews = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{id}/reviews");

        var months = MonthRow().Matches(overview.Body).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(12, months.Count);
        Assert.All(months, n => Assert.True(n >= 10, $"a demo month with only {n} reviews"));
        var weeks = WeekRow().Matches(overview.Body).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(12, weeks.Count);
        Assert.All(weeks, planned => Assert.Equal(3, planned));
        Assert.Contains("Ana (nurse)", posting.Body, StringComparison.Ordinal);
        Assert.Contains("Page 1 of", reviews.Body, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<tr><td>[A-Z][a-z]+ \d{4}</td><td class=""num"">(\d+)</td>")]
    private static partial Regex MonthRow();

    [GeneratedRegex(@"<tr><td>\d{4}-\d{2}-\d{2}</td><td class=""num"">(\d+)</td>")]
    private static partial Regex WeekRow();

    [GeneratedRegex(@"/dashboard/signin/[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();
}
