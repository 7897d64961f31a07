using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Reviews;

public sealed class ReviewSlaTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private static readonly PracticeSettings Defaults = new();

    [Theory]
    [InlineData(119, new SlaReminder[0])]
    [InlineData(120, new[] { SlaReminder.UnclaimedUrgent })]
    [InlineData(24 * 60, new[] { SlaReminder.UnclaimedUrgent, SlaReminder.TargetBreached })]
    public void Due_UnclaimedUrgentReview_PingsAfterTwoHoursAndBreachesAt24(int minutes, SlaReminder[] expected)
    {
        var review = Review(rating: 1, ReviewStatus.New, claimed: false);

        Assert.Equal(expected, SlaPlanner.Due(review, Defaults, Received.AddMinutes(minutes)));
    }

    [Theory]
    [InlineData(18 * 60 - 1, new SlaReminder[0])]
    [InlineData(18 * 60, new[] { SlaReminder.OwnerDueSoon })]
    [InlineData(24 * 60, new[] { SlaReminder.OwnerDueSoon, SlaReminder.TargetBreached })]
    public void Due_ClaimedUrgentReview_RemindsOwnerAt75PercentOfTarget(int minutes, SlaReminder[] expected)
    {
        var review = Review(rating: 2, ReviewStatus.Drafted, claimed: true);

        Assert.Equal(expected, SlaPlanner.Due(review, Defaults, Received.AddMinutes(minutes)));
    }

    [Fact]
    public void Due_OrdinaryReview_UsesThe72HourTarget()
    {
        var review = Review(rating: 4, ReviewStatus.New, claimed: false);

        Assert.Empty(SlaPlanner.Due(review, Defaults, Received.AddHours(71.9)));
        Assert.Equal([SlaReminder.TargetBreached], SlaPlanner.Due(review, Defaults, Received.AddHours(72)));
    }

    [Theory]
    [InlineData(ReviewStatus.Replied)]
    [InlineData(ReviewStatus.Resolved)]
    [InlineData(ReviewStatus.NoReplyNeeded)]
    public void Due_AnsweredReview_NothingEver(ReviewStatus status)
    {
        Assert.Empty(SlaPlanner.Due(Review(rating: 1, status, claimed: true), Defaults, Received.AddDays(30)));
    }

    [Fact]
    public async Task Sweep_OverADay_RemindsTheRightPeopleOnceEachAndNothingForAReplied()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        var start = bot.Time.GetUtcNow();

        bot.Time.Advance(TimeSpan.FromMinutes(119));
        await SweepAsync(bot);
        Assert.Empty(await SlaMessagesAsync(bot));

        bot.Time.Advance(TimeSpan.FromMinutes(1));
        await SweepAsync(bot);
        await SweepAsync(bot);
        Assert.Equal(["U-ann:1", "U-bob:1"], await SlaMessagesAsync(bot));

        await bot.CommandAsync("U-ann", "review claim 1");
        await bot.CommandAsync("U-bob", "review reply 2 Thank you for your kind words!");
        await bot.CommandAsync("U-bob", "review publish 2");
        await bot.PressAsync("U-bob", ReviewActions.MarkReplied, "2");
        bot.Time.Advance(start.AddHours(18) - bot.Time.GetUtcNow());
        await SweepAsync(bot);
        Assert.Equal(["U-ann:1", "U-ann:1", "U-bob:1"], await SlaMessagesAsync(bot));

        bot.Time.Advance(TimeSpan.FromHours(6));
        await SweepAsync(bot);
        Assert.Equal(["U-ann:1", "U-ann:1", "U-bob:1", "U-owner:1"], await SlaMessagesAsync(bot));

        bot.Time.Advance(TimeSpan.FromDays(10));
        await SweepAsync(bot);
        await using var db = bot.OpenDb();
        Assert.Equal(
            ["sla.breach review:1", "sla.breach review:3", "sla.owner review:1", "sla.unclaimed review:1"],
            (await db.Nudges.ToListAsync()).Select(n => $"{n.Kind} {n.Subject}").Order());
    }

    [Fact]
    public void AddPracticeBotCore_RegistersTheSweepTriggerAndItsRoute()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddPracticeBotCore();
        var router = (PracticeBot.Core.Conversation.Routing.BotRouter)services.Single(d => d.ServiceType == typeof(PracticeBot.Core.Conversation.Routing.BotRouter)).ImplementationInstance!;

        var repeating = services.Where(d => d.ServiceType == typeof(PracticeBot.Core.Scheduling.RepeatingSchedule))
            .Select(d => (PracticeBot.Core.Scheduling.RepeatingSchedule)d.ImplementationInstance!);

        Assert.Contains(new PracticeBot.Core.Scheduling.RepeatingSchedule(ReviewSchedules.Sla, TimeSpan.FromMinutes(5)), repeating);
        Assert.Contains(router.Routes, r => r.Name == $"schedule:{ReviewSchedules.Sla}");
    }

    private static Task SweepAsync(CoreHarness bot) =>
        bot.Dispatcher.DispatchAsync(ScheduleFired.Create(ReviewSchedules.Sla, null, bot.Time.GetUtcNow()));

    /// <summary>Who got a response-time message about which review, as "user:review".</summary>
    [Fact]
    public async Task Sweep_InQuietHours_HoldsNonUrgentRemindersUntilTheyEnd()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        await bot.CommandAsync("U-owner", "practice set quiet 00:00-23:59");

        bot.Time.Advance(TimeSpan.FromHours(72));
        await SweepAsync(bot);
        var quiet = await SlaMessagesAsync(bot);
        await bot.CommandAsync("U-owner", "practice set quiet off");
        await SweepAsync(bot);
        var after = await SlaMessagesAsync(bot);

        Assert.Contains("U-owner:1", quiet); // the urgent review's reminders still come
        Assert.DoesNotContain("U-owner:3", quiet);
        Assert.Contains("U-owner:3", after);
    }

    private static async Task<List<string>> SlaMessagesAsync(CoreHarness bot)
    {
        await using var db = bot.OpenDb();
        return (await db.Outbox.ToListAsync())
            .Where(o => o.Target.Visibility == MessageVisibility.Direct && o.Message.Card is not null)
            .Select(o => (o.Target.UserId, Number: System.Text.RegularExpressions.Regex.Match(o.Message.Text, @"Review #(\d+)").Groups[1].Value, o.Message.Text))
            .Where(m => m.Text.Contains("target", StringComparison.Ordinal) || m.Text.Contains("nobody has it", StringComparison.Ordinal))
            .Select(m => $"{m.UserId}:{m.Number}")
            .Order()
            .ToList();
    }

    private static Review Review(int rating, ReviewStatus status, bool claimed) => new()
    {
        Source = "google",
        ExternalId = "g",
        Rating = rating,
        Status = status,
        ClaimedByMemberId = claimed ? 7 : null,
        ReceivedAt = Received,
        CreatedAt = Received,
    };
}
