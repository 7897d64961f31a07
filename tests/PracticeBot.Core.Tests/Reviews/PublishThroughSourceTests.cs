using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Reviews;

/// <summary>claim → draft → approve → publish → hold → published once through the source; cancel stops it.</summary>
public sealed class PublishThroughSourceTests
{
    [Fact]
    public async Task Publish_ApprovedGoogleReply_WaitsForTheHoldThenPublishesOnce()
    {
        var google = new FakePublisher();
        await using var bot = await ApprovedAsync(google);

        var publish = await bot.CommandAsync("U-ann", "review publish 1");
        bot.Time.Advance(TimeSpan.FromMinutes(9));
        await SweepAsync(bot);
        var duringHold = google.Calls.Count;
        bot.Time.Advance(TimeSpan.FromMinutes(1));
        await SweepAsync(bot);
        await SweepAsync(bot);

        Assert.Contains("goes to Google in 10 minutes", CoreHarness.Text(publish), StringComparison.Ordinal);
        Assert.Equal(0, duringHold);
        Assert.Equal(($"{ReviewCommandsTests.ConnectedLocation}/reviews/g1", "Thank you for telling us. Please call our office manager."), Assert.Single(google.Calls));
        await using var db = bot.OpenDb();
        Assert.Equal(ReviewStatus.Replied, (await db.Reviews.SingleAsync(r => r.Number == 1)).Status);
        var reply = await db.ReviewReplies.SingleAsync();
        Assert.Equal((ReplyStatus.Published, bot.Time.GetUtcNow()), (reply.Status, reply.PublishedAt!.Value));
        Assert.Contains(db.AuditEntries, a => a.Action == "review.replied" && a.Detail == "published on Google");
        Assert.Contains((await db.Outbox.ToListAsync()), o => o.Target.UserId == "U-ann" && o.Message.Text.Contains("is live on Google", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancel_DuringTheHold_NothingIsSent()
    {
        var google = new FakePublisher();
        await using var bot = await ApprovedAsync(google);
        await bot.CommandAsync("U-ann", "review publish 1");
        bot.Time.Advance(TimeSpan.FromMinutes(3));

        var cancel = await bot.PressAsync("U-bob", ReviewActions.CancelPublish, "1");
        bot.Time.Advance(TimeSpan.FromMinutes(30));
        await SweepAsync(bot);

        Assert.Contains("was not published", CoreHarness.Text(cancel), StringComparison.Ordinal);
        Assert.Empty(google.Calls);
        await using var db = bot.OpenDb();
        Assert.Equal(ReviewStatus.Approved, (await db.Reviews.SingleAsync(r => r.Number == 1)).Status);
        Assert.Contains(db.AuditEntries, a => a.Action == "review.publish.cancelled");
    }

    [Fact]
    public async Task Publish_SourceRefuses_BackToApprovedAndTheAuthorIsTold()
    {
        var google = new FakePublisher { Answer = ReplyPublishResult.Failed("Google answered 403: the location is not verified") };
        await using var bot = await ApprovedAsync(google);
        await bot.CommandAsync("U-ann", "review publish 1");
        bot.Time.Advance(TimeSpan.FromMinutes(10));

        await SweepAsync(bot);

        await using var db = bot.OpenDb();
        Assert.Equal(ReviewStatus.Approved, (await db.Reviews.SingleAsync(r => r.Number == 1)).Status);
        Assert.Equal(ReplyStatus.Approved, (await db.ReviewReplies.SingleAsync()).Status);
        Assert.Contains((await db.Outbox.ToListAsync()), o => o.Target.UserId == "U-ann" && o.Message.Text.Contains("location is not verified", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sweep_SenderDiedMidSend_LeaseExpiresAndTheNextSweepSends()
    {
        var google = new FakePublisher();
        await using var bot = await ApprovedAsync(google);
        await bot.CommandAsync("U-ann", "review publish 1");
        await using (var db = bot.OpenDb())
        {
            // What a process killed after claiming leaves behind.
            var reply = await db.ReviewReplies.SingleAsync();
            reply.Status = ReplyStatus.Sending;
            reply.PublishAfter = bot.Time.GetUtcNow() + PublishDueReplies.Lease;
            await db.SaveChangesAsync();
        }

        var cancel = await bot.CommandAsync("U-bob", "review cancel 1");
        bot.Time.Advance(PublishDueReplies.Lease - TimeSpan.FromSeconds(1));
        await SweepAsync(bot);
        var beforeExpiry = google.Calls.Count;
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        await SweepAsync(bot);

        Assert.Contains("Too late", CoreHarness.Text(cancel), StringComparison.Ordinal);
        Assert.Equal(0, beforeExpiry);
        Assert.Single(google.Calls);
    }

    [Fact]
    public async Task Publish_SourceWithoutReplyApi_IsHandedOverToPostByHand()
    {
        await using var bot = await ApprovedAsync(new FakePublisher("yelp"));

        var result = await bot.CommandAsync("U-ann", "review publish 1");

        Assert.Contains("Ready to post on Google", CoreHarness.Text(result), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReviewOrigin.Webhook, "came through the webhook")]
    [InlineData(ReviewOrigin.Csv, "came from a CSV import")]
    [InlineData(ReviewOrigin.Unknown, "before PracticeBot recorded")]
    public async Task Publish_GoogleReviewNotPolledFromTheConnectedLocation_IsHandedOverToPostByHand(ReviewOrigin origin, string why)
    {
        var google = new FakePublisher();
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync(services => services.AddSingleton<IReviewReplyPublisher>(google));
        await using (var db = bot.OpenDb())
        {
            var review = await db.Reviews.SingleAsync(r => r.Number == 1);
            (review.Origin, review.SourceLocation) = (origin, null);
            await db.SaveChangesAsync();
        }

        await bot.CommandAsync("U-ann", "review reply 1 Thank you for telling us. Please call our office manager.");
        await bot.CommandAsync("U-ann", "review publish 1");
        await bot.CommandAsync("U-owner", "review approve 1");
        var publish = await bot.CommandAsync("U-ann", "review publish 1");
        bot.Time.Advance(TimeSpan.FromHours(1));
        await SweepAsync(bot);

        Assert.Contains("Ready to post on Google", CoreHarness.Text(publish), StringComparison.Ordinal);
        Assert.Contains(why, CoreHarness.Text(publish), StringComparison.Ordinal);
        Assert.Empty(google.Calls);
        var marked = await bot.PressAsync("U-ann", ReviewActions.MarkReplied, "1");
        Assert.Contains("marked replied", CoreHarness.Text(marked), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_LocationNoLongerThePracticesWhenTheHoldEnds_NothingIsSentAndTheAuthorIsTold()
    {
        var google = new FakePublisher();
        await using var bot = await ApprovedAsync(google);
        await bot.CommandAsync("U-ann", "review publish 1");
        google.Locations.Clear(); // the configuration no longer gives this location to the practice
        bot.Time.Advance(TimeSpan.FromMinutes(10));

        await SweepAsync(bot);

        Assert.Empty(google.Calls);
        await using var db = bot.OpenDb();
        Assert.Equal(ReviewStatus.Approved, (await db.Reviews.SingleAsync(r => r.Number == 1)).Status);
        Assert.Contains((await db.Outbox.ToListAsync()), o => o.Target.UserId == "U-ann"
            && o.Message.Text.Contains("was not sent to Google: this review's Google location is no longer connected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sweep_TextNoLongerTheApprovedVersion_NothingIsSent()
    {
        var google = new FakePublisher();
        await using var bot = await ApprovedAsync(google);
        await bot.CommandAsync("U-ann", "review publish 1");
        await using (var db = bot.OpenDb())
        {
            // What a lost update would leave: new text written over the approved reply during its hold.
            (await db.ReviewReplies.SingleAsync()).Revise("Text nobody approved.");
            await db.SaveChangesAsync();
        }

        bot.Time.Advance(TimeSpan.FromMinutes(10));
        await SweepAsync(bot);

        Assert.Empty(google.Calls);
    }

    private static Task SweepAsync(CoreHarness bot) =>
        bot.Dispatcher.DispatchAsync(ScheduleFired.Create(ReviewSchedules.Publish, null, bot.Time.GetUtcNow()));

    /// <summary>Review #1 (Google, 2 stars) claimed by Ann, drafted, sent for approval and approved by the owner.</summary>
    private static async Task<CoreHarness> ApprovedAsync(FakePublisher publisher)
    {
        var bot = await ReviewCommandsTests.PracticeWithReviewsAsync(services => services.AddSingleton<IReviewReplyPublisher>(publisher));
        await bot.CommandAsync("U-ann", "review reply 1 Thank you for telling us. Please call our office manager.");
        await bot.CommandAsync("U-ann", "review publish 1");
        await bot.CommandAsync("U-owner", "review approve 1");
        return bot;
    }

    private sealed class FakePublisher(string name = "google") : IReviewReplyPublisher
    {
        public ConcurrentQueue<(string ExternalId, string Text)> Calls { get; } = new();

        public ReplyPublishResult Answer { get; init; } = ReplyPublishResult.Done;

        public string Name { get; } = name;

        /// <summary>The locations the configuration gives the practice; a test takes one away.</summary>
        public HashSet<string> Locations { get; } = [ReviewCommandsTests.ConnectedLocation];

        public bool Serves(PracticeBot.Core.Practices.Practice practice, string sourceLocation) => Locations.Contains(sourceLocation);

        public Task<ReplyPublishResult> PublishReplyAsync(PracticeBot.Core.Practices.Practice practice, Review review, string text, CancellationToken cancellationToken)
        {
            Calls.Enqueue((review.ExternalId, text));
            return Task.FromResult(Answer);
        }

        public Task<ReplyPublishResult> DeleteReplyAsync(PracticeBot.Core.Practices.Practice practice, Review review, CancellationToken cancellationToken) =>
            Task.FromResult(ReplyPublishResult.Done);
    }
}
