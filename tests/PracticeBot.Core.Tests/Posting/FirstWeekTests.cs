using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Posting;

/// <summary>
/// Issue 20: the first week starts now. Setting or changing a plan, or a volunteer joining, shares out the rest of the
/// practice's local week at once (and next week's once its Friday rotation has run), with the weekly rotation's
/// fairness; past slots are left out and an assigned slot never moves.
/// </summary>
public sealed class FirstWeekTests
{
    [Fact]
    public async Task PlanSet_VolunteersWaiting_RestOfThisWeekSharedOutFairlyAnnouncedAndDmed()
    {
        // Arrange: three volunteers before there is a plan.
        await using var world = await PostingWorld.CreateAsync("posting plan off", firstWeek: true, "U-ann", "U-bob", "U-cat");
        var (ann, bob, cat) = (await world.MemberIdAsync("U-ann"), await world.MemberIdAsync("U-bob"), await world.MemberIdAsync("U-cat"));
        var before = await world.LastOutboxIdAsync();

        // Act: Monday morning, a plan of three a week (Mon/Wed/Fri at noon).
        var reply = await world.Bot.CommandAsync("U-owner", "posting plan 3/week facebook");

        // Assert: this week's three slots, one each, announced and DMed.
        Assert.Equal(
            [(new DateOnly(2026, 11, 23), ann), (new DateOnly(2026, 11, 25), bob), (new DateOnly(2026, 11, 27), cat)],
            (await world.SlotsAsync()).Select(s => (s.Date, s.AssigneeMemberId!.Value)));
        Assert.Contains("No need to wait: 3 posts still to come are shared out now.", CoreHarness.Text(reply), StringComparison.Ordinal);
        var sent = await world.OutboxAsync(before);
        var announcement = Assert.Single(PostingWorld.InChannel(sent));
        Assert.StartsWith(PostingTexts.StartsNowHeading, announcement.Message.Text, StringComparison.Ordinal);
        Assert.Contains("Wed 25 Nov on Facebook, due 12:00 — <@U-bob>", announcement.Message.Text, StringComparison.Ordinal);
        foreach (var user in new[] { "U-ann", "U-bob", "U-cat" })
        {
            var dm = Assert.Single(PostingWorld.DirectTo(sent, user));
            Assert.Contains("You're on posting duty for *Sunrise Family Medicine* this week", dm.Message.Text, StringComparison.Ordinal);
            Assert.Contains(dm.Message.Card!.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons), b => b.ActionId == PostingActions.Done);
        }
    }

    [Fact]
    public async Task PlanSetOnFridayAfterTheRotation_NextWeekSharedOutNowPastSlotLeftOut_RotationThenAddsNothing()
    {
        // Arrange: volunteers, then Friday 27 Nov, 13:00 in Los Angeles: past the rotation (10:00) and Friday's due time (12:00).
        await using var world = await PostingWorld.CreateAsync("posting plan off", firstWeek: true, "U-ann", "U-bob");
        world.Bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 21, 0, 0, TimeSpan.Zero));

        // Act
        await world.Bot.CommandAsync("U-owner", "posting plan 3/week");
        var afterPlan = await world.LastOutboxIdAsync();
        await world.Bot.Dispatcher.DispatchAsync(ScheduleFired.Create(PostingSchedules.Rotate, world.PracticeId, PostingWorld.RotationFriday)); // late, or on another instance

        // Assert: nothing left this week; next week made at once; the rotation for it finds it made and adds nothing.
        var slots = await world.SlotsAsync();
        Assert.Equal([new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 4)], slots.Select(s => s.Date));
        Assert.All(slots, s => Assert.Equal(SlotStatus.Assigned, s.Status));
        Assert.Empty(await world.OutboxAsync(afterPlan));
    }

    [Fact]
    public async Task VolunteerJoinsMidWeek_TakesTheOpenSlotStillToComeOnly()
    {
        // Arrange: a plan with nobody to take it; then Wednesday 25 Nov, 13:00 in Los Angeles (Wednesday's post was due at noon).
        await using var world = await PostingWorld.CreateAsync("posting plan 3/week", firstWeek: true);
        Assert.All(await world.SlotsAsync(), s => Assert.Equal(SlotStatus.Open, s.Status));
        world.Bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 21, 0, 0, TimeSpan.Zero));
        var before = await world.LastOutboxIdAsync();

        // Act
        var reply = await world.Bot.CommandAsync("U-ann", "posting volunteer");

        // Assert: Friday is hers; Monday and Wednesday have passed and stay open.
        var ann = await world.MemberIdAsync("U-ann");
        Assert.Equal(
            [(new DateOnly(2026, 11, 23), SlotStatus.Open, (long?)null), (new DateOnly(2026, 11, 25), SlotStatus.Open, null), (new DateOnly(2026, 11, 27), SlotStatus.Assigned, ann)],
            (await world.SlotsAsync()).Select(s => (s.Date, s.Status, s.AssigneeMemberId)));
        Assert.Contains("You're up on Fri 27 Nov, due 12:00: I've sent you the details.", CoreHarness.Text(reply), StringComparison.Ordinal);
        Assert.Contains("Fri 27 Nov", Assert.Single(PostingWorld.DirectTo(await world.OutboxAsync(before), "U-ann")).Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondVolunteerAndPlanChange_AssignedSlotsNeverMove_NewDaysShared()
    {
        // Arrange: Ann took this week's one post (Wednesday).
        await using var world = await PostingWorld.CreateAsync("posting plan 1/week", firstWeek: true, "U-ann");
        var ann = await world.MemberIdAsync("U-ann");
        var wednesday = Assert.Single(await world.SlotsAsync());
        Assert.Equal((new DateOnly(2026, 11, 25), (long?)ann), (wednesday.Date, wednesday.AssigneeMemberId));

        // Act: Bob joins, then the plan grows to Mon/Wed/Fri.
        var joined = await world.Bot.CommandAsync("U-bob", "posting volunteer");
        await world.Bot.CommandAsync("U-owner", "posting plan 3/week");

        // Assert: Wednesday is still Ann's; Monday and Friday are new: Monday to Bob (fewer duties), Friday to Ann (tied
        // on duties, and Bob was just given Monday).
        var bob = await world.MemberIdAsync("U-bob");
        Assert.Contains("Friday's rotation will include you", CoreHarness.Text(joined), StringComparison.Ordinal);
        var slots = await world.SlotsAsync();
        Assert.Equal(
            [(new DateOnly(2026, 11, 23), bob), (new DateOnly(2026, 11, 25), ann), (new DateOnly(2026, 11, 27), ann)],
            slots.Select(s => (s.Date, s.AssigneeMemberId!.Value)));
        Assert.Equal(wednesday.Id, slots[1].Id);
        Assert.Equal(wednesday.AssignedAt, slots[1].AssignedAt);
    }

    [Fact]
    public async Task PracticeAheadOfUtc_UsesThePracticesLocalWeek()
    {
        // Arrange: Sunday 29 Nov, 22:00 UTC is Monday 30 Nov, 11:00 in Auckland.
        await using var bot = await CoreHarness.CreateAsync();
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 29, 22, 0, 0, TimeSpan.Zero));
        await bot.CommandAsync("U-owner", "practice setup \"Harbour Dental\" Pacific/Auckland");
        await bot.CommandAsync("U-ann", "posting volunteer");

        // Act
        await bot.CommandAsync("U-owner", "posting plan 3/week");

        // Assert: Auckland's week of Monday 30 Nov, Monday's noon post included (in UTC it is still last week's Sunday).
        await using var db = bot.OpenDb();
        var dates = await db.PostingSlots.OrderBy(s => s.Date).Select(s => s.Date).ToListAsync();
        Assert.Equal([new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 4)], dates);
    }

    [Fact]
    public async Task TwoVolunteersAtOnce_EachSlotMadeAndAssignedOnce()
    {
        // Arrange: a plan on a database file, so the two turns truly run at once.
        await using var bot = await CoreHarness.CreateAsync(onFile: true);
        await bot.CommandAsync("U-owner", "practice setup \"Sunrise Family Medicine\" America/Los_Angeles");
        await bot.CommandAsync("U-owner", "posting plan 3/week");

        // Act
        var turns = await Task.WhenAll(bot.CommandAsync("U-ann", "posting volunteer"), bot.CommandAsync("U-bob", "posting volunteer"));

        // Assert: three slots, each assigned once, and three DMs in all.
        Assert.All(turns, t => Assert.Null(t.Failure));
        await using var db = bot.OpenDb();
        var slots = await db.PostingSlots.ToListAsync();
        Assert.Equal(3, slots.Count);
        Assert.All(slots, s => Assert.Equal(SlotStatus.Assigned, s.Status));
        var dms = (await db.Outbox.ToListAsync()).Where(o => o.Target.Visibility == MessageVisibility.Direct).ToList();
        Assert.Equal(3, dms.Sum(d => d.Message.Text.Split('•').Length - 1));
    }
}
