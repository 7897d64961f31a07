using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.CheckIns;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Scheduling;
using PracticeBot.Core.Tests.Reviews;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.CheckIns;

/// <summary>The check-in through the real core: a Chicago practice; Monday 23 Nov 2026 09:00 local is 15:00 UTC.</summary>
public sealed class CheckInFlowTests
{
    private static readonly DateTimeOffset Week1 = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Sync_Practice_EnsuresWeeklyTriggerAtCheckInDayAndTimeInItsZone()
    {
        await using var bot = await PracticeWithReviewsAsync();
        await using var scope = bot.Services.CreateAsyncScope();
        await using var db = bot.OpenDb();
        var practice = await db.Practices.SingleAsync();

        foreach (var schedules in scope.ServiceProvider.GetServices<IPracticeSchedules>())
        {
            await schedules.SyncAsync(practice, CancellationToken.None);
        }

        Assert.Equal(new RecordedTrigger(DayOfWeek.Monday, new TimeOnly(9, 0), "America/Chicago"), bot.Scheduler.Triggers[(CheckInSchedules.Weekly, practice.Id)]);
    }

    [Fact]
    public async Task TimeZoneChanged_CheckInTriggerMovesToTheNewZone()
    {
        await using var bot = await PracticeWithReviewsAsync();

        await bot.CommandAsync("U-owner", "practice set timezone Europe/London");

        var trigger = Assert.Single(bot.Scheduler.Triggers, t => t.Key.ScheduleId == CheckInSchedules.Weekly).Value;
        Assert.Equal(new RecordedTrigger(DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/London"), trigger);
    }

    [Fact]
    public async Task Weekly_FiredTwiceForTheSameWeek_PostsOneDigest()
    {
        await using var bot = await PracticeWithReviewsAsync();

        await FireAsync(bot, Week1, at: Week1);
        await FireAsync(bot, Week1, at: Week1.AddMinutes(1));

        Assert.Single(await DigestsAsync(bot));
    }

    [Fact]
    public async Task Weekly_HostDownAcrossTheTimeAndBackFiveHoursLate_PostsOneDigestAndARestartSendsNone()
    {
        await using var bot = await PracticeWithReviewsAsync();

        await FireAsync(bot, Week1, at: Week1.AddHours(5));
        var afterCatchUp = await DigestsAsync(bot);
        await FireAsync(bot, Week1, at: Week1.AddHours(6));

        var digest = Assert.Single(afterCatchUp);
        Assert.Equal(MessageVisibility.InChannel, digest.Target.Visibility);
        Assert.Equal("checkin:2026-W48", digest.CardKey);
        Assert.Single(await DigestsAsync(bot));
    }

    [Fact]
    public async Task Weekly_TwoInstancesFireAtOnce_PostOneDigest()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync(onFile: true);
        bot.Time.SetUtcNow(Week1);
        await using (var db = bot.OpenDb())
        {
            var practiceId = (await db.Practices.SingleAsync()).Id;
            await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
                Task.Run(() => bot.Dispatcher.DispatchAsync(ScheduleFired.Create(CheckInSchedules.Weekly, practiceId, Week1)))));
        }

        Assert.Single(await DigestsAsync(bot));
        await using var check = bot.OpenDb();
        Assert.Single(await check.Nudges.Where(n => n.Kind == CheckInKinds.Week).ToListAsync());
    }

    [Fact]
    public async Task Weekly_NextWeek_PostsItsOwnDigest()
    {
        await using var bot = await PracticeWithReviewsAsync();

        await FireAsync(bot, Week1, at: Week1);
        await FireAsync(bot, Week1.AddDays(7), at: Week1.AddDays(7));

        Assert.Equal(["checkin:2026-W48", "checkin:2026-W49"], (await DigestsAsync(bot)).Select(d => d.CardKey));
    }

    [Fact]
    public async Task Digest_Command_ShowsTheDigestPrivately()
    {
        await using var bot = await PracticeWithReviewsAsync();

        var result = await bot.CommandAsync("U-ann", "practice digest");

        var reply = Assert.Single(result.Replies);
        Assert.False(reply.InChannel);
        Assert.StartsWith("Sunrise — weekly check-in (16 Nov–22 Nov)", PlainTextRenderer.Render(reply.Message), StringComparison.Ordinal);
        Assert.Empty(await DigestsAsync(bot));
    }

    [Fact]
    public async Task CheckIn_Command_ManagerPostsItNowAndOthersAreRefused()
    {
        await using var bot = await PracticeWithReviewsAsync();

        var refused = await bot.CommandAsync("U-ann", "practice checkin");
        Assert.Empty(await DigestsAsync(bot));
        var ran = await bot.CommandAsync("U-owner", "practice checkin");

        Assert.DoesNotContain("Done", CoreHarness.Text(refused), StringComparison.Ordinal);
        Assert.Contains("the check-in is posted in the channel", CoreHarness.Text(ran), StringComparison.Ordinal);
        Assert.Single(await DigestsAsync(bot));
        Assert.Equal(CheckInSchedules.Weekly, Assert.Single(bot.Scheduler.Triggers.Keys).ScheduleId);
    }

    [Fact]
    public async Task Ladder_OverFourWeeks_OwnerThenManagerThenChannelThenNothingAfterRecovery()
    {
        await using var bot = await PracticeWithReviewsAsync();
        await bot.CommandAsync("U-ann", "review claim 1");
        await using (var db = bot.OpenDb())
        {
            // Review 1 (two stars: a 24 h target) arrived four days ago; the others need no reply.
            var reviews = await db.Reviews.ToListAsync();
            reviews.Single(r => r.Number == 1).ReceivedAt = Week1.AddDays(-4);
            reviews.Where(r => r.Number != 1).ToList().ForEach(r => r.Status = ReviewStatus.NoReplyNeeded);
            await db.SaveChangesAsync();
        }

        var week1 = await NudgesOfWeekAsync(bot, Week1);
        var again = await NudgesAfterAsync(bot, await LastIdAsync(bot), () => bot.CommandAsync("U-owner", "practice checkin"));
        var week2 = await NudgesOfWeekAsync(bot, Week1.AddDays(7));
        var week3 = await NudgesOfWeekAsync(bot, Week1.AddDays(14));
        await using (var db = bot.OpenDb())
        {
            (await db.Reviews.SingleAsync(r => r.Number == 1)).Status = ReviewStatus.Replied;
            await db.SaveChangesAsync();
        }

        var week4 = await NudgesOfWeekAsync(bot, Week1.AddDays(21));

        var toAnn = Assert.Single(week1);
        Assert.Equal((MessageVisibility.Direct, "U-ann"), (toAnn.Target.Visibility, toAnn.Target.UserId));
        Assert.StartsWith("A friendly nudge from the weekly check-in: Review #1 has waited 4 days", toAnn.Message.Text, StringComparison.Ordinal);
        Assert.Equal([(ReviewActions.Release, "1")], toAnn.Message.Card!.Blocks.OfType<ActionsBlock>().Single().Buttons.Select(b => (b.ActionId, b.Value)));
        Assert.Empty(again);
        Assert.Equal(["direct:U-ann", "direct:U-owner"], week2.Select(Who).Order());
        Assert.StartsWith("Stalled for two weeks now: Review #1", week2.Single(n => n.Target.UserId == "U-owner").Message.Text, StringComparison.Ordinal);
        Assert.Equal(["channel"], week3.Select(Who));
        Assert.StartsWith("Three weeks stuck: Review #1", week3[0].Message.Text, StringComparison.Ordinal);
        Assert.Empty(week4);
    }

    [Fact]
    public async Task Ladder_StallComesBackAfterRecovery_StartsAgainAtTheOwner()
    {
        await using var bot = await PracticeWithReviewsAsync();
        await bot.CommandAsync("U-ann", "review claim 1");
        await SetReviewAsync(bot, ReviewStatus.Claimed, Week1.AddDays(-4));
        await NudgesOfWeekAsync(bot, Week1);
        await NudgesOfWeekAsync(bot, Week1.AddDays(7));
        await SetReviewAsync(bot, ReviewStatus.Replied, Week1.AddDays(-4));
        await NudgesOfWeekAsync(bot, Week1.AddDays(14));
        await SetReviewAsync(bot, ReviewStatus.Claimed, Week1.AddDays(-4));

        var week4 = await NudgesOfWeekAsync(bot, Week1.AddDays(21));

        Assert.Equal(["direct:U-ann"], week4.Select(Who));
    }

    [Fact]
    public async Task Ladder_UnclaimedOverdueReview_NudgesEveryResponderOnceThenTheManagerToo()
    {
        await using var bot = await PracticeWithReviewsAsync();
        await SetReviewAsync(bot, ReviewStatus.New, Week1.AddDays(-4));

        var week1 = await NudgesOfWeekAsync(bot, Week1);
        var week2 = await NudgesOfWeekAsync(bot, Week1.AddDays(7));

        Assert.Equal(["direct:U-ann", "direct:U-bob"], week1.Select(Who));
        Assert.All(week1, n => Assert.StartsWith("A friendly nudge from the weekly check-in: Review #1 has waited 4 days", n.Message.Text, StringComparison.Ordinal));
        Assert.Equal(["direct:U-ann", "direct:U-bob", "direct:U-owner"], week2.Select(Who).Order());
    }

    [Fact]
    public async Task NoPostNudge_VolunteerAway_IsNotNudgedAndPauseButtonPausesTwoWeeksThenResumes()
    {
        await using var bot = await PracticeWithReviewsAsync();
        await bot.CommandAsync("U-owner", "posting plan 3/week facebook");
        await bot.CommandAsync("U-vic", "posting volunteer");
        await bot.CommandAsync("U-wes", "posting volunteer");
        await bot.CommandAsync("U-wes", "posting away 2026-11-23 2026-12-05");
        await using (var db = bot.OpenDb())
        {
            (await db.PostingPlans.SingleAsync()).UpdatedAt = Week1.AddDays(-20);
            (await db.Reviews.ToListAsync()).ForEach(r => r.Status = ReviewStatus.NoReplyNeeded);
            await db.SaveChangesAsync();
        }

        var week1 = await NudgesOfWeekAsync(bot, Week1);

        var toVic = Assert.Single(week1);
        Assert.Equal("U-vic", toVic.Target.UserId);
        Assert.StartsWith("A friendly nudge from the weekly check-in: No post yet, 20 days after the plan started.", toVic.Message.Text, StringComparison.Ordinal);
        var buttons = toVic.Message.Card!.Blocks.OfType<ActionsBlock>().Single().Buttons;
        Assert.Equal([CheckInActions.WillPost, CheckInActions.PausePlan], buttons.Select(b => b.ActionId));

        var pressed = await bot.PressAsync("U-vic", CheckInActions.PausePlan, buttons[1].Value);

        Assert.Contains("Posting is paused for two weeks, until Mon 7 Dec", CoreHarness.Text(pressed), StringComparison.Ordinal);
        await using (var db = bot.OpenDb())
        {
            Assert.True((await db.PostingPlans.SingleAsync()).Paused);
            Assert.Equal(new DateOnly(2026, 12, 7), (await db.Practices.SingleAsync()).Settings.PostingPausedUntil);
        }

        Assert.Empty(await NudgesOfWeekAsync(bot, Week1.AddDays(7)));
        await FireAsync(bot, Week1.AddDays(14), Week1.AddDays(14));
        await using (var db = bot.OpenDb())
        {
            Assert.False((await db.PostingPlans.SingleAsync()).Paused);
            Assert.Null((await db.Practices.SingleAsync()).Settings.PostingPausedUntil);
            Assert.Contains(await db.Outbox.ToListAsync(), o => o.Message.Text.StartsWith("Posting is back on", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task WillPost_Button_AcknowledgesTheNudge()
    {
        await using var bot = await PracticeWithReviewsAsync();
        await bot.CommandAsync("U-owner", "posting plan 3/week facebook");
        await bot.CommandAsync("U-vic", "posting volunteer");
        await using (var db = bot.OpenDb())
        {
            (await db.PostingPlans.SingleAsync()).UpdatedAt = Week1.AddDays(-20);
            (await db.Reviews.ToListAsync()).ForEach(r => r.Status = ReviewStatus.NoReplyNeeded);
            await db.SaveChangesAsync();
        }

        var nudge = Assert.Single(await NudgesOfWeekAsync(bot, Week1));
        var value = nudge.Message.Card!.Blocks.OfType<ActionsBlock>().Single().Buttons[0].Value;
        var pressed = await bot.PressAsync("U-vic", CheckInActions.WillPost, value);

        Assert.Contains("`posting done <link>`", CoreHarness.Text(pressed), StringComparison.Ordinal);
        await using var check = bot.OpenDb();
        Assert.NotNull((await check.Nudges.SingleAsync(n => n.Subject == value)).AcknowledgedAt);
    }

    [Fact]
    public async Task Weekly_WithAChartRenderer_AttachesTheChartOfTheLastEightWeeksAsAPng()
    {
        var chart = new RecordingChartRenderer();
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync(s => s.AddSingleton<IChartRenderer>(chart));
        await using (var db = bot.OpenDb())
        {
            var practice = await db.Practices.SingleAsync();
            // Chicago: Wed 18 Nov (this week, two reviews) and Tue 27 Oct (four weeks before, one without a rating).
            (int Number, DateTimeOffset At, int? Rating)[] received =
            [
                (4, new(2026, 11, 18, 18, 0, 0, TimeSpan.Zero), 5),
                (5, new(2026, 11, 18, 19, 0, 0, TimeSpan.Zero), 2),
                (6, new(2026, 10, 27, 18, 0, 0, TimeSpan.Zero), null),
            ];
            foreach (var (number, at, rating) in received)
            {
                db.Reviews.Add(new Review
                {
                    PracticeId = practice.Id, Number = number, Source = "google", ExternalId = $"g-{number}", Rating = rating,
                    Author = "Sam", Text = "Fine.", CreatedAt = at, ReceivedAt = at, Status = ReviewStatus.Replied,
                });
            }

            await db.SaveChangesAsync();
        }

        await FireAsync(bot, Week1, at: Week1);

        var file = Assert.Single(Assert.Single(await DigestsAsync(bot)).Message.Files!);
        Assert.Equal("checkin-2026-W48.png", file.Name);
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal(RecordingChartRenderer.Png, file.Content);
        Assert.StartsWith("Chart of the last 8 weeks: 3 reviews", file.AltText, StringComparison.Ordinal);
        var (series, width, height) = Assert.Single(chart.Calls);
        Assert.Equal((800, 400), (width, height));
        Assert.Equal(WeeklySeries.ChartWeeks, series.Weeks.Count);
        Assert.Equal(new WeekPoint("Nov 16", 2, 3.5, 0, 0), series.Weeks[^1]);
        Assert.Equal(new WeekPoint("Oct 26", 1, null, 0, 0), series.Weeks[4]);
        Assert.Equal("Sep 28", series.Weeks[0].Label);
        Assert.Equal(3, series.Weeks.Sum(w => w.Reviews));
    }

    [Fact]
    public async Task Digest_Command_WithAChartRenderer_AttachesTheChart()
    {
        var chart = new RecordingChartRenderer();
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync(s => s.AddSingleton<IChartRenderer>(chart));

        var result = await bot.CommandAsync("U-ann", "practice digest");

        var file = Assert.Single(Assert.Single(result.Replies).Message.Files!);
        Assert.Equal(RecordingChartRenderer.Png, file.Content);
        Assert.Contains("[file: checkin-2026-W48.png]", PlainTextRenderer.Render(result.Replies[0].Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weekly_WithoutAChartRenderer_SendsTheDigestWithoutFiles()
    {
        await using var bot = await PracticeWithReviewsAsync();

        await FireAsync(bot, Week1, at: Week1);

        Assert.Null(Assert.Single(await DigestsAsync(bot)).Message.Files);
    }

    private sealed class RecordingChartRenderer : IChartRenderer
    {
        public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

        public List<(WeeklySeries Series, int Width, int Height)> Calls { get; } = [];

        public byte[] RenderWeeklyChart(WeeklySeries series, int width = IChartRenderer.DefaultWidth, int height = IChartRenderer.DefaultHeight)
        {
            Calls.Add((series, width, height));
            return Png;
        }
    }

    private static Task<CoreHarness> PracticeWithReviewsAsync() => ReviewCommandsTests.PracticeWithReviewsAsync();

    private static async Task FireAsync(CoreHarness bot, DateTimeOffset scheduledFor, DateTimeOffset at)
    {
        bot.Time.SetUtcNow(at);
        await using var db = bot.OpenDb();
        var practiceId = (await db.Practices.SingleAsync()).Id;
        await bot.Dispatcher.DispatchAsync(ScheduleFired.Create(CheckInSchedules.Weekly, practiceId, scheduledFor));
    }

    private static async Task<List<OutboxMessage>> DigestsAsync(CoreHarness bot)
    {
        await using var db = bot.OpenDb();
        return (await db.Outbox.OrderBy(o => o.Id).ToListAsync()).Where(o => o.CardKey?.StartsWith("checkin:", StringComparison.Ordinal) == true).ToList();
    }

    private static async Task<long> LastIdAsync(CoreHarness bot)
    {
        await using var db = bot.OpenDb();
        return await db.Outbox.MaxAsync(o => (long?)o.Id) ?? 0;
    }

    /// <summary>The nudges (outbox rows other than the digest) a weekly check-in at <paramref name="at"/> sends.</summary>
    private static async Task<List<OutboxMessage>> NudgesOfWeekAsync(CoreHarness bot, DateTimeOffset at) =>
        await NudgesAfterAsync(bot, await LastIdAsync(bot), () => FireAsync(bot, at, at));

    private static async Task<List<OutboxMessage>> NudgesAfterAsync(CoreHarness bot, long afterId, Func<Task> act)
    {
        await act();
        await using var db = bot.OpenDb();
        return (await db.Outbox.Where(o => o.Id > afterId).OrderBy(o => o.Id).ToListAsync())
            .Where(o => o.CardKey?.StartsWith("checkin:", StringComparison.Ordinal) != true).ToList();
    }

    private static async Task SetReviewAsync(CoreHarness bot, ReviewStatus status, DateTimeOffset received)
    {
        await using var db = bot.OpenDb();
        var reviews = await db.Reviews.ToListAsync();
        reviews.Single(r => r.Number == 1).Status = status;
        reviews.Single(r => r.Number == 1).ReceivedAt = received;
        reviews.Where(r => r.Number != 1).ToList().ForEach(r => r.Status = ReviewStatus.NoReplyNeeded);
        await db.SaveChangesAsync();
    }

    private static string Who(OutboxMessage row) =>
        row.Target.Visibility == MessageVisibility.Direct ? $"direct:{row.Target.UserId}" : "channel";
}
