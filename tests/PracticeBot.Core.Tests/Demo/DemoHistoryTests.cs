using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Dashboard;
using PracticeBot.Core.Demo;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Demo;

/// <summary>The demo practice's year of history: enough for every chart, consistent, and quick to write.</summary>
public sealed class DemoHistoryTests
{
    [Fact]
    public async Task Seed_FreshDatabase_WritesAYearOfAnsweredReviewsAndPostsQuickly()
    {
        await using var harness = await CoreHarness.CreateAsync(onFile: true);
        await using var scope = harness.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var now = harness.Time.GetUtcNow();

        var clock = Stopwatch.StartNew();
        Assert.True(await DemoPractice.EnsureSeededAsync(db, harness.Time, CancellationToken.None));
        var took = clock.Elapsed;

        var practice = await db.Practices.SingleAsync();
        var reviews = await db.Reviews.ToListAsync();
        var replies = await db.ReviewReplies.ToListAsync();
        var slots = await db.PostingSlots.ToListAsync();
        Assert.True(took < TimeSpan.FromSeconds(10), $"seeding took {took}"); // about a second on a loaded 2-core machine
        Assert.Equal(reviews.Max(r => r.Number), practice.LastReviewNumber);
        Assert.InRange(reviews.Count, 250, 450);
        Assert.True(reviews.Min(r => r.ReceivedAt) <= now.AddDays(-360));
        Assert.All(replies, r => Assert.True(r.PublishedAt > reviews.Single(v => v.Id == r.ReviewId).ReceivedAt));
        Assert.All(reviews.Where(r => r.Status == ReviewStatus.Replied), r => Assert.Contains(replies, p => p.ReviewId == r.Id));
        Assert.All(slots.GroupBy(s => PostingClock.WeekStart(s.Date)), week => Assert.Equal(3, week.Count()));
        Assert.True(slots.Count >= 52 * 3);
        var overview = await scope.ServiceProvider.GetRequiredService<OverviewReader>().ReadAsync(practice, CancellationToken.None);
        Assert.All(overview.Months, m => Assert.True(m.Count > 0));
        Assert.All(overview.Responses.Where(w => w.Days >= 28), w => Assert.True(w.Rate > 0.5)); // the last week holds the unanswered sample cards
    }
}
