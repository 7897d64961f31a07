using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Reviews.Sources;

public sealed class ReviewIntakeTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 14, 3, 0, TimeSpan.Zero);

    [Fact]
    public async Task Receive_SameReviewTwiceInOneBatch_StoresItOnceWithTheLastCopy()
    {
        await using var bot = await CoreHarness.CreateAsync();
        var practiceId = await bot.SetUpPracticeAsync();

        await using var scope = bot.Services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<ReviewIntake>().ReceiveAsync(practiceId,
        [
            new SourcedReview("Vitals", "v-1", 3, null, "A", "First copy.", At),
            new SourcedReview("vitals", "v-1", 2, null, "A", "Second copy.", At),
        ], ReviewOrigin.Webhook, surface: true, "webhook", CancellationToken.None);

        Assert.Equal((1, 0), (summary!.Created, summary.Unchanged));
        await using var check = bot.OpenDb();
        var review = await check.Reviews.SingleAsync();
        Assert.Equal(("vitals", 2, "Second copy."), (review.Source, review.Rating!.Value, review.Text!));
        Assert.Contains(await check.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "reviews.received");
    }

    [Fact]
    public async Task Receive_UnknownPractice_ReturnsNullAndStoresNothing()
    {
        await using var bot = await CoreHarness.CreateAsync();
        await using var scope = bot.Services.CreateAsyncScope();

        var summary = await scope.ServiceProvider.GetRequiredService<ReviewIntake>()
            .ReceiveAsync(999, [new SourcedReview("vitals", "v-1", 3, null, null, null, At)], ReviewOrigin.Webhook, surface: true, "webhook", CancellationToken.None);

        Assert.Null(summary);
        await using var db = bot.OpenDb();
        Assert.Equal(0, await db.Reviews.CountAsync());
    }
}
