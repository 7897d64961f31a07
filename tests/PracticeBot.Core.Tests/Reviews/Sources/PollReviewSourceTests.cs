using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Reviews.Sources;

/// <summary>A poll trigger through the real router: dedupe, edits, replies seen on the source, failures and recovery.</summary>
public sealed class PollReviewSourceTests
{
    private static readonly DateTimeOffset Written = new(2026, 11, 20, 14, 3, 0, TimeSpan.Zero);

    private static SourcedReview Google(string id, int rating, string text, bool replied = false, string? url = null) =>
        new("google", id, rating, null, "Maria G.", text, Written, Written, url, "Main St office", replied);

    [Fact]
    public async Task Poll_NewReviews_StoresNumberedTriagedReviewsAndPostsOneCardEach()
    {
        var (bot, source, practiceId) = await StartAsync();
        await using var _ = bot;
        source.Answer = _ => SourceFetchResult.Ok([Google("g-1", 1, "Waited two hours and the front desk was rude."), Google("g-2", 5, "Lovely staff.")], "c1");

        await PollAsync(bot, practiceId);

        await using var db = bot.OpenDb();
        var reviews = await db.Reviews.OrderBy(r => r.Number).ToListAsync();
        Assert.Equal([(1, "g-1"), (2, "g-2")], reviews.Select(r => (r.Number, r.ExternalId)));
        Assert.Equal((true, "wait-time", 2), (reviews[0].Urgent, reviews[0].Category, reviews[0].Categories.Count));
        var cards = (await db.Outbox.ToListAsync()).Where(o => o.Target.Visibility == MessageVisibility.InChannel).ToList();
        Assert.Equal(["review:1", "review:2"], cards.Select(c => c.CardKey).Order());
        Assert.All(cards, c => Assert.Equal(("C1", false), (c.Target.Conversation.ChannelId, c.Message.ReplacesCard)));
        // The urgent one also reaches the responder directly.
        var dm = Assert.Single(await db.Outbox.ToListAsync(), o => o.Target.Visibility == MessageVisibility.Direct);
        Assert.Equal("U-ann", dm.Target.UserId);
        Assert.DoesNotContain("front desk", dm.Message.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((SourceSyncStatus.Ok, "c1"), await db.SourceSyncs.Select(s => ValueTuple.Create(s.Status, s.Cursor)).SingleAsync());
    }

    [Fact]
    public async Task Poll_SameDataTwice_CreatesNoReviewAndNoOutboxMessage()
    {
        var (bot, source, practiceId) = await StartAsync();
        await using var _ = bot;
        source.Answer = _ => SourceFetchResult.Ok([Google("g-1", 1, "Waited two hours."), Google("g-2", 5, "Lovely staff.")], "c1");
        await PollAsync(bot, practiceId);
        var (reviews, outbox) = await CountsAsync(bot);

        await PollAsync(bot, practiceId);
        await PollAsync(bot, practiceId);

        Assert.Equal((reviews, outbox), await CountsAsync(bot));
        Assert.Equal([null, "c1", "c1"], source.Cursors);
        await using var db = bot.OpenDb();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "reviews.synced"));
    }

    [Fact]
    public async Task Poll_EditedReview_UpdatesItAndEachPostedCardOnce()
    {
        var (bot, source, practiceId) = await StartAsync();
        await using var _ = bot;
        source.Answer = _ => SourceFetchResult.Ok([Google("g-1", 3, "Fine visit.")], "c1");
        await PollAsync(bot, practiceId);
        var (_, before) = await CountsAsync(bot);

        source.Answer = _ => SourceFetchResult.Ok([Google("g-1", 1, "Fine visit, but I was billed twice.")], "c2");
        await PollAsync(bot, practiceId);

        await using var db = bot.OpenDb();
        var review = await db.Reviews.SingleAsync();
        Assert.Equal((1, true, true, "billing"), (review.Rating!.Value, review.Edited, review.Urgent, review.Category));
        var update = Assert.Single(await db.Outbox.OrderBy(o => o.Id).Skip(before).ToListAsync(), o => o.Target.Visibility != MessageVisibility.Home);
        Assert.Equal(("review:1", true), (update.CardKey, update.Message.ReplacesCard));
        Assert.Contains("edited by the reviewer", PlainTextRenderer.Render(update.Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_OwnerReplySeenOnSource_MarksReviewReplied()
    {
        var (bot, source, practiceId) = await StartAsync();
        await using var _ = bot;
        source.Answer = _ => SourceFetchResult.Ok([Google("g-1", 4, "Good.")], "c1");
        await PollAsync(bot, practiceId);

        source.Answer = _ => SourceFetchResult.Ok([Google("g-1", 4, "Good.", replied: true)], "c2");
        await PollAsync(bot, practiceId);

        await using var db = bot.OpenDb();
        var review = await db.Reviews.SingleAsync();
        Assert.Equal((ReviewStatus.Replied, true, false), (review.Status, review.RepliedOnSource, review.Edited));
    }

    [Fact]
    public async Task Poll_FailuresInARow_TellManagersOnceThenRecoverySaysSo()
    {
        var (bot, source, practiceId) = await StartAsync();
        await using var _ = bot;
        source.Answer = _ => SourceFetchResult.Ok([Google("g-1", 4, "Good.")], "c1");
        await PollAsync(bot, practiceId);
        source.Answer = _ => SourceFetchResult.Failed("Google answered 503 Service Unavailable");

        for (var i = 0; i < 4; i++)
        {
            await PollAsync(bot, practiceId);
        }

        await using (var db = bot.OpenDb())
        {
            var sync = await db.SourceSyncs.SingleAsync();
            Assert.Equal((SourceSyncStatus.Failing, 4, "c1"), (sync.Status, sync.ConsecutiveFailures, sync.Cursor));
            var alert = Assert.Single(await ManagerDmsAsync(db));
            Assert.Contains("Google reviews have not synced since Mon 23 Nov 09:00", alert, StringComparison.Ordinal);
            Assert.Contains("503", alert, StringComparison.Ordinal);
            Assert.Equal(1, await db.Reviews.CountAsync());
        }

        source.Answer = _ => SourceFetchResult.Ok([Google("g-1", 4, "Good."), Google("g-2", 5, "Great.")], "c2");
        await PollAsync(bot, practiceId);

        await using (var db = bot.OpenDb())
        {
            Assert.Equal((SourceSyncStatus.Ok, 0, "c2"), await db.SourceSyncs.Select(s => ValueTuple.Create(s.Status, s.ConsecutiveFailures, s.Cursor)).SingleAsync());
            var dms = await ManagerDmsAsync(db);
            Assert.Equal(2, dms.Count);
            Assert.Contains("Google reviews are syncing again (1 new", dms[1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Poll_SourceUnavailable_RecordsStatusAndTellsManagersAtOnce()
    {
        var (bot, source, practiceId) = await StartAsync();
        await using var _ = bot;
        source.Answer = _ => SourceFetchResult.Unavailable("Facebook retired page recommendations in this Graph API version");

        await PollAsync(bot, practiceId);

        await using var db = bot.OpenDb();
        Assert.Equal(SourceSyncStatus.Unavailable, (await db.SourceSyncs.SingleAsync()).Status);
        Assert.Contains("have not synced yet: Facebook retired", Assert.Single(await ManagerDmsAsync(db)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_ConnectorThrows_CountsAsFailedSyncNotAFailedTurn()
    {
        var (bot, source, practiceId) = await StartAsync();
        await using var _ = bot;
        source.Answer = _ => throw new InvalidOperationException("boom");

        await PollAsync(bot, practiceId);

        await using var db = bot.OpenDb();
        var sync = await db.SourceSyncs.SingleAsync();
        Assert.Equal((1, "the connector failed unexpectedly (InvalidOperationException)"), (sync.ConsecutiveFailures, sync.LastError));
    }

    [Fact]
    public async Task Sources_Command_ListsStatusLastSyncAndReviewCounts()
    {
        var (bot, source, practiceId) = await StartAsync();
        await using var _ = bot;
        source.Answer = _ => SourceFetchResult.Ok([Google("g-1", 4, "Good."), Google("g-2", 5, "Great.")], "c1");
        await PollAsync(bot, practiceId);
        bot.Time.Advance(TimeSpan.FromMinutes(20));

        var result = await bot.CommandAsync("U-owner", "practice sources");

        var text = CoreHarness.Text(result);
        Assert.Contains("*Google* (polled every 15 min) — ok · last sync 20 min ago · 2 reviews", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_InQuietHours_HoldsNonUrgentCardUntilMorningButNotUrgentOne()
    {
        var (bot, source, practiceId) = await StartAsync();
        await using var _ = bot;
        await using (var db = bot.OpenDb())
        {
            var practice = await db.Practices.SingleAsync();
            practice.Settings.QuietHoursStart = new TimeOnly(20, 0);
            practice.Settings.QuietHoursEnd = new TimeOnly(7, 30);
            await db.SaveChangesAsync();
        }

        bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 4, 0, 0, TimeSpan.Zero)); // 22:00 in Chicago
        source.Answer = _ => SourceFetchResult.Ok([Google("g-1", 5, "Great."), Google("g-2", 1, "Awful.")], "c1");

        await PollAsync(bot, practiceId);

        await using var check = bot.OpenDb();
        var cards = (await check.Outbox.ToListAsync()).Where(o => o.Target.Visibility == MessageVisibility.InChannel).OrderBy(o => o.CardKey).ToList();
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 13, 30, 0, TimeSpan.Zero), cards[0].NextAttemptAt); // 07:30 Chicago
        Assert.Equal(bot.Time.GetUtcNow(), cards[1].NextAttemptAt);
    }

    [Fact]
    public async Task Poll_UrgentReviewWithMentionAlerts_MentionsRespondersOnTheCardInsteadOfDms()
    {
        var (bot, source, practiceId) = await StartAsync();
        await using var _ = bot;
        await using (var db = bot.OpenDb())
        {
            (await db.Practices.SingleAsync()).Settings.UrgentAlerts = "mention";
            await db.SaveChangesAsync();
        }

        source.Answer = _ => SourceFetchResult.Ok([Google("g-1", 1, "Awful.")], "c1");
        await PollAsync(bot, practiceId);

        await using var check = bot.OpenDb();
        var rows = (await check.Outbox.ToListAsync()).Where(o => o.Target.Visibility != MessageVisibility.Home).ToList();
        var card = Assert.Single(rows);
        Assert.Equal("Urgent review for <@U-ann>", card.Message.Text);
    }

    [Fact]
    public async Task Poll_WhileTheSourceAnswers_HoldsNoDatabaseLock()
    {
        var (bot, source, practiceId) = await StartAsync(onFile: true);
        await using var _ = bot;
        var written = false;
        source.Answer = _ =>
        {
            // Another writer (a chat turn, the webhook) must get through while the poll waits on the remote API.
            using var other = bot.OpenDb();
            other.Database.SetCommandTimeout(1);
            written = other.Database.ExecuteSqlRaw("UPDATE practices SET \"Name\" = \"Name\"") == 1;
            return SourceFetchResult.Ok([Google("g-1", 4, "Good.")], "c1");
        };

        await PollAsync(bot, practiceId);

        Assert.True(written);
        await using var db = bot.OpenDb();
        Assert.Equal(1, await db.Reviews.CountAsync());
        Assert.Contains(await db.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "reviews.synced");
    }

    private static async Task<(CoreHarness Bot, ScriptedReviewSource Source, long PracticeId)> StartAsync(bool onFile = false)
    {
        var source = new ScriptedReviewSource();
        var bot = await CoreHarness.CreateAsync(s => s.AddSingleton<IReviewSource>(source), onFile);
        await bot.CommandAsync("U-owner", "practice setup Sunrise America/Chicago");
        await bot.CommandAsync("U-owner", "practice role <@U-ann|Ann> responder");
        await using var db = bot.OpenDb();
        var practiceId = (await db.Practices.SingleAsync()).Id;
        db.Outbox.RemoveRange(db.Outbox); // setup's own messages are not what these tests count
        await db.SaveChangesAsync();
        return (bot, source, practiceId);
    }

    private static Task PollAsync(CoreHarness bot, long practiceId) =>
        bot.Dispatcher.DispatchAsync(new ScheduleFired(
            ReviewSchedules.Poll, practiceId, bot.Time.GetUtcNow(), new Dictionary<string, string> { [ReviewSchedules.SourceKey] = "google" }));

    private static async Task<(int Reviews, int Outbox)> CountsAsync(CoreHarness bot)
    {
        await using var db = bot.OpenDb();
        return (await db.Reviews.CountAsync(), await db.Outbox.CountAsync());
    }

    private static async Task<List<string>> ManagerDmsAsync(Core.Storage.PracticeBotDb db) =>
        (await db.Outbox.OrderBy(o => o.Id).ToListAsync())
            .Where(o => o.Target.Visibility == MessageVisibility.Direct && o.Target.UserId == "U-owner")
            .Select(o => o.Message.Text)
            .ToList();
}
