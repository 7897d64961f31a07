using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Posting;

/// <summary>Issue 7 end to end through the neutral pipeline: plan, volunteers, weekly job, done, skip, reminders, missed.</summary>
public sealed class PostingFlowTests
{
    [Fact]
    public async Task PostingDuty_PlanVolunteersRotationDoneSkipMissed_RecordsAndTellsEveryone()
    {
        // Arrange: plan → volunteer ×3.
        await using var world = await PostingWorld.CreateAsync("posting plan 3/week facebook instagram", "U-ann", "U-bob", "U-cat");
        var (ann, bob, cat) = (await world.MemberIdAsync("U-ann"), await world.MemberIdAsync("U-bob"), await world.MemberIdAsync("U-cat"));
        Assert.Equal(
            new RecordedTrigger(DayOfWeek.Friday, new TimeOnly(10, 0), "America/Los_Angeles"),
            world.Bot.Scheduler.Triggers[(PostingSchedules.Rotate, world.PracticeId)]);
        Assert.Equal(new TimeOnly(8, 0), world.Bot.Scheduler.Triggers[(PostingSchedules.Remind, world.PracticeId)].LocalTime);
        Assert.Equal(new TimeOnly(12, 0), world.Bot.Scheduler.Triggers[(PostingSchedules.Sweep, world.PracticeId)].LocalTime);
        var before = await world.LastOutboxIdAsync();

        // Act 1: the weekly job.
        await world.FireAsync(PostingSchedules.Rotate, PostingWorld.RotationFriday);

        // Assert 1: next week's slots, fairly assigned, announced, and a DM to each assignee.
        var slots = await world.SlotsAsync();
        Assert.Equal(
            [(new DateOnly(2026, 11, 30), "facebook", ann), (new DateOnly(2026, 12, 2), "instagram", bob), (new DateOnly(2026, 12, 4), "facebook", cat)],
            slots.Select(s => (s.Date, s.Network!, s.AssigneeMemberId!.Value)));
        Assert.All(slots, s => Assert.Equal(SlotStatus.Assigned, s.Status));
        var sent = await world.OutboxAsync(before);
        var announcement = Assert.Single(PostingWorld.InChannel(sent));
        Assert.Contains("Mon 30 Nov on Facebook, due 12:00 — <@U-ann>", announcement.Message.Text, StringComparison.Ordinal);
        Assert.Contains("Wed 2 Dec on Instagram, due 12:00 — <@U-bob>", announcement.Message.Text, StringComparison.Ordinal);
        foreach (var user in new[] { "U-ann", "U-bob", "U-cat" })
        {
            var dm = Assert.Single(PostingWorld.DirectTo(sent, user));
            Assert.Contains("You're on posting duty for *Sunrise Family Medicine* next week", dm.Message.Text, StringComparison.Ordinal);
            Assert.Contains(dm.Message.Card!.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons), b => b.ActionId == PostingActions.Done);
        }

        // Act 2: Monday, Ann posts.
        world.Bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 21, 0, 0, TimeSpan.Zero));
        before = await world.LastOutboxIdAsync();
        var done = await world.Bot.CommandAsync("U-ann", "posting done https://facebook.com/sunrise/posts/123");

        // Assert 2: recorded (network, link, who, when) and thanked in the channel.
        Assert.Contains("Recorded your post on Facebook for Mon 30 Nov", CoreHarness.Text(done), StringComparison.Ordinal);
        var monday = (await world.SlotsAsync())[0];
        Assert.Equal(
            (SlotStatus.Done, "https://facebook.com/sunrise/posts/123", (long?)ann, (DateTimeOffset?)world.Bot.Time.GetUtcNow(), "facebook"),
            (monday.Status, monday.PostUrl, monday.DoneByMemberId, monday.DoneAt, monday.Network));
        var thanks = Assert.Single(PostingWorld.InChannel(await world.OutboxAsync(before)));
        Assert.Contains("Thank you <@U-ann> for posting on Facebook! https://facebook.com/sunrise/posts/123 That's 1 of 3 this week.", thanks.Message.Text, StringComparison.Ordinal);

        // Act 3: Bob skips Wednesday.
        before = await world.LastOutboxIdAsync();
        var skip = await world.Bot.CommandAsync("U-bob", "posting skip");

        // Assert 3: the next fair volunteer takes it (Cat: as many duties as Ann, but has not posted yet) and is told.
        Assert.Contains("<@U-cat> takes Wed 2 Dec", CoreHarness.Text(skip), StringComparison.Ordinal);
        var wednesday = (await world.SlotsAsync())[1];
        Assert.Equal((cat, SlotStatus.Assigned), (wednesday.AssigneeMemberId!.Value, wednesday.Status));
        Assert.Equal([bob], wednesday.SkippedBy);
        Assert.Contains("You're up to post on Wed 2 Dec on Instagram", Assert.Single(PostingWorld.DirectTo(await world.OutboxAsync(before), "U-cat")).Message.Text, StringComparison.Ordinal);

        // Act 4: Tuesday morning's reminders.
        before = await world.LastOutboxIdAsync();
        await world.FireAsync(PostingSchedules.Remind, new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero));

        // Assert 4: Cat is reminded the day before, with an idea and the three buttons.
        var reminder = Assert.Single(await world.OutboxAsync(before));
        Assert.Equal("U-cat", reminder.Target.UserId);
        Assert.Contains("Heads-up: you're posting tomorrow, Wed 2 Dec on Instagram", reminder.Message.Text, StringComparison.Ordinal);
        Assert.Contains("Idea:", reminder.Message.Text, StringComparison.Ordinal);
        Assert.Equal(
            [PostingActions.Done, PostingActions.Skip, PostingActions.Swap],
            reminder.Message.Card!.Blocks.OfType<ActionsBlock>().Single().Buttons.Select(b => b.ActionId));

        // Act 5: nobody records Wednesday's post; Thursday at noon the sweep runs.
        await world.FireAsync(PostingSchedules.Sweep, new DateTimeOffset(2026, 12, 3, 20, 0, 0, TimeSpan.Zero));

        // Assert 5: Wednesday is missed; Friday is still ahead.
        var after = await world.SlotsAsync();
        Assert.Equal([SlotStatus.Done, SlotStatus.Missed, SlotStatus.Assigned], after.Select(s => s.Status));
        await using var db = world.Bot.OpenDb();
        Assert.Equal(
            ["posting.done", "posting.missed", "posting.plan.set", "posting.reminded", "posting.rotation", "posting.skipped"],
            await db.AuditEntries.Where(a => a.Action.StartsWith("posting.") && !a.Action.StartsWith("posting.vol")).Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync());
    }

    [Fact]
    public async Task Rotation_NoVolunteers_TellsManagersAtAssignmentTime()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 1/week facebook");
        var before = await world.LastOutboxIdAsync();

        // Act
        await world.FireAsync(PostingSchedules.Rotate, PostingWorld.RotationFriday);

        // Assert
        var slot = Assert.Single(await world.SlotsAsync());
        Assert.Equal((SlotStatus.Open, (long?)null), (slot.Status, slot.AssigneeMemberId));
        var toOwner = Assert.Single(PostingWorld.DirectTo(await world.OutboxAsync(before), "U-owner"));
        Assert.Contains("No volunteer is available for Wed 2 Dec on Facebook", toOwner.Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotation_FiredTwiceForOneWeek_MakesTheWeekOnce()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 2/week", "U-ann");

        // Act
        await world.FireAsync(PostingSchedules.Rotate, PostingWorld.RotationFriday);
        await world.FireAsync(PostingSchedules.Rotate, PostingWorld.RotationFriday.AddMinutes(5));

        // Assert
        Assert.Equal(2, (await world.SlotsAsync()).Count);
    }

    [Fact]
    public async Task PlanOff_PausedPlan_RemovesTriggersAndRemindsNobody()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 3/week", "U-ann");
        await world.FireAsync(PostingSchedules.Rotate, PostingWorld.RotationFriday);

        // Act
        var off = await world.Bot.CommandAsync("U-owner", "posting plan off");
        var before = await world.LastOutboxIdAsync();
        await world.FireAsync(PostingSchedules.Remind, new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero));

        // Assert
        Assert.Contains("Posting is paused", CoreHarness.Text(off), StringComparison.Ordinal);
        Assert.DoesNotContain(world.Bot.Scheduler.Triggers.Keys, k => k.ScheduleId.StartsWith("posting.", StringComparison.Ordinal));
        Assert.Empty(await world.OutboxAsync(before));
    }

    [Fact]
    public async Task Reminders_FiredTwiceOnOneMorning_SendEachOnce()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 1/week", "U-ann");
        await world.FireAsync(PostingSchedules.Rotate, PostingWorld.RotationFriday);
        var before = await world.LastOutboxIdAsync();
        var wednesdayMorning = new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.Zero);

        // Act
        await world.FireAsync(PostingSchedules.Remind, wednesdayMorning);
        await world.FireAsync(PostingSchedules.Remind, wednesdayMorning.AddMinutes(1));

        // Assert
        var reminder = Assert.Single(await world.OutboxAsync(before));
        Assert.Contains("Today's the day: your post is due at 12:00.", reminder.Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_SlotDueTodayNotYetADayLate_StaysAssigned()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 1/week", "U-ann");
        await world.FireAsync(PostingSchedules.Rotate, PostingWorld.RotationFriday);

        // Act: Thursday 11:59 local, a minute before Wednesday's slot is a day late.
        await world.FireAsync(PostingSchedules.Sweep, new DateTimeOffset(2026, 12, 3, 19, 59, 0, TimeSpan.Zero));

        // Assert
        Assert.Equal(SlotStatus.Assigned, Assert.Single(await world.SlotsAsync()).Status);
    }

    [Fact]
    public async Task Volunteer_GrantsPosterRoleAndThanksInChannel()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync();

        // Act
        var first = await world.Bot.CommandAsync("U-ann", "posting volunteer");
        var again = await world.Bot.CommandAsync("U-ann", "posting volunteer");

        // Assert
        var reply = Assert.Single(first.Replies);
        Assert.True(reply.InChannel);
        Assert.Contains("<@U-ann> volunteered for posting duty — thank you! 1 volunteer now.", reply.Message.Text, StringComparison.Ordinal);
        Assert.Contains("already a posting volunteer", CoreHarness.Text(again), StringComparison.Ordinal);
        await using var db = world.Bot.OpenDb();
        Assert.Equal(Role.Poster, (await db.Members.SingleAsync(m => m.UserId == "U-ann")).Roles);
    }
}
