using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Posting;

/// <summary>The posting commands one by one: what they change, what they say, and bad input that loses nothing.</summary>
public sealed class PostingCommandsTests
{
    [Fact]
    public async Task Plan_WeekdaysAndTime_AreStoredAndTheSweepFollowsTheDueTime()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 2/week linkedin mon thu 3pm");

        // Act
        await using var db = world.Bot.OpenDb();
        var plan = await db.PostingPlans.SingleAsync();

        // Assert
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Thursday], plan.Weekdays);
        Assert.Equal(["linkedin"], plan.Networks);
        Assert.Equal(new TimeOnly(15, 0), plan.DueLocalTime);
        Assert.Equal(new TimeOnly(15, 0), world.Bot.Scheduler.Triggers[(PostingSchedules.Sweep, world.PracticeId)].LocalTime);
    }

    [Theory]
    [InlineData("posting plan 20/week", "more than the rotation handles")]
    [InlineData("posting plan 1/week mon fri", "You picked 2 days for 1 post a week")]
    [InlineData("posting plan 2/week 9am 10am", "Give one due time")]
    public async Task Plan_BadShape_IsRefusedAndTheOldPlanStays(string line, string problem)
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 3/week facebook");

        // Act
        var result = await world.Bot.CommandAsync("U-owner", line);

        // Assert
        Assert.Contains(problem, CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = world.Bot.OpenDb();
        Assert.Equal(3, (await db.PostingPlans.SingleAsync()).PostsPerWeek);
    }

    [Fact]
    public async Task Plan_ByNonManager_IsRefused()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 3/week");

        // Act
        var result = await world.Bot.CommandAsync("U-ann", "posting plan 5/week");

        // Assert
        Assert.Contains("Only managers can use `posting plan`", CoreHarness.Text(result), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("posting away 2026-12-28 2026-12-21", "Put the first day first")]
    [InlineData("posting away 2026-11-20 2026-11-28", "is in the past")]
    [InlineData("posting away 2026-12-21 2028-01-01", "more than a year ahead")]
    [InlineData("posting away 2026-12-21 someday", "isn't a date")]
    public async Task Away_BadDates_ClearErrorAndNothingStored(string line, string problem)
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 3/week", "U-ann");

        // Act
        var result = await world.Bot.CommandAsync("U-ann", line);

        // Assert
        Assert.Contains(problem, CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = world.Bot.OpenDb();
        Assert.Empty(db.PostingAways);
    }

    [Fact]
    public async Task Away_OverAnAssignedSlot_StoresPeriodAndHandsTheSlotOn()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 1/week", "U-ann", "U-bob");
        await world.FireAsync(PostingSchedules.Rotate, PostingWorld.RotationFriday);

        // Act
        var result = await world.Bot.CommandAsync("U-ann", "posting away 2026-12-01 2026-12-03");

        // Assert
        Assert.Contains("no posting duty for you from Tue 1 Dec to Thu 3 Dec", CoreHarness.Text(result), StringComparison.Ordinal);
        Assert.Contains("Wed 2 Dec → <@U-bob>", CoreHarness.Text(result), StringComparison.Ordinal);
        Assert.Equal(await world.MemberIdAsync("U-bob"), Assert.Single(await world.SlotsAsync()).AssigneeMemberId);
        await using var db = world.Bot.OpenDb();
        var away = await db.PostingAways.SingleAsync();
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 3)), (away.From, away.To));
    }

    [Fact]
    public async Task Away_DuringRotation_GetsNothingThatWeek()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 3/week", "U-ann", "U-bob");
        await world.Bot.CommandAsync("U-ann", "posting away 2026-11-30 2026-12-06");

        // Act
        await world.FireAsync(PostingSchedules.Rotate, PostingWorld.RotationFriday);

        // Assert
        var bob = await world.MemberIdAsync("U-bob");
        Assert.All(await world.SlotsAsync(), s => Assert.Equal(bob, s.AssigneeMemberId));
    }

    [Fact]
    public async Task Done_NotAUrl_IsRefusedAndNothingRecorded()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 1/week", "U-ann");
        await world.FireAsync(PostingSchedules.Rotate, PostingWorld.RotationFriday);

        // Act
        var result = await world.Bot.CommandAsync("U-ann", "posting done my-facebook-post");

        // Assert
        Assert.Contains("isn't a link", CoreHarness.Text(result), StringComparison.Ordinal);
        Assert.Equal(SlotStatus.Assigned, Assert.Single(await world.SlotsAsync()).Status);
    }

    [Fact]
    public async Task Done_WithoutSlot_RecordsTheExtraPostWithItsNetwork()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 1/week", "U-ann");

        // Act
        var result = await world.Bot.CommandAsync("U-ann", "posting done https://www.instagram.com/p/abc");

        // Assert
        Assert.Contains("Recorded your post on Instagram", CoreHarness.Text(result), StringComparison.Ordinal);
        var slot = Assert.Single(await world.SlotsAsync());
        Assert.Equal((SlotStatus.Done, "instagram"), (slot.Status, slot.Network));
    }

    [Fact]
    public async Task DoneButton_PressedTwice_RecordsOnceAndThanksOnce()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 1/week", "U-ann");
        await world.FireAsync(PostingSchedules.Rotate, PostingWorld.RotationFriday);
        var slot = Assert.Single(await world.SlotsAsync());
        var before = await world.LastOutboxIdAsync();

        // Act
        await world.Bot.PressAsync("U-ann", PostingActions.Done, PostingTexts.Id(slot));
        var again = await world.Bot.PressAsync("U-ann", PostingActions.Done, PostingTexts.Id(slot));

        // Assert
        Assert.Contains("already recorded", CoreHarness.Text(again), StringComparison.Ordinal);
        Assert.Single(PostingWorld.InChannel(await world.OutboxAsync(before)));
    }

    [Fact]
    public async Task DoneButton_SomeoneElsesSlot_IsRefused()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 1/week", "U-ann", "U-bob");
        await world.FireAsync(PostingSchedules.Rotate, PostingWorld.RotationFriday);
        var slot = Assert.Single(await world.SlotsAsync());

        // Act
        var result = await world.Bot.PressAsync("U-bob", PostingActions.Done, PostingTexts.Id(slot));

        // Assert
        Assert.Contains("isn't yours", CoreHarness.Text(result), StringComparison.Ordinal);
        Assert.Equal(SlotStatus.Assigned, Assert.Single(await world.SlotsAsync()).Status);
    }

    [Fact]
    public async Task Skip_NobodyElseAvailable_LeavesSlotSkippedAndTellsManagers()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 1/week", "U-ann");
        await world.FireAsync(PostingSchedules.Rotate, PostingWorld.RotationFriday);
        var before = await world.LastOutboxIdAsync();

        // Act
        var result = await world.Bot.CommandAsync("U-ann", "posting skip");

        // Assert
        Assert.Contains("I've told the managers", CoreHarness.Text(result), StringComparison.Ordinal);
        var slot = Assert.Single(await world.SlotsAsync());
        Assert.Equal((SlotStatus.Skipped, (long?)null), (slot.Status, slot.AssigneeMemberId));
        Assert.Contains("Nobody is available to post on Wed 2 Dec", Assert.Single(PostingWorld.DirectTo(await world.OutboxAsync(before), "U-owner")).Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swap_Accepted_MovesTheSlotAndTellsTheProposer()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 1/week", "U-ann", "U-bob");
        await world.FireAsync(PostingSchedules.Rotate, PostingWorld.RotationFriday);
        var before = await world.LastOutboxIdAsync();

        // Act
        var asked = await world.Bot.CommandAsync("U-ann", "posting swap <@U-bob|Bob>");
        var proposal = Assert.Single(PostingWorld.DirectTo(await world.OutboxAsync(before), "U-bob"));
        var accept = proposal.Message.Card!.Blocks.OfType<ActionsBlock>().Single().Buttons.Single(b => b.ActionId == PostingActions.AcceptSwap);
        before = await world.LastOutboxIdAsync();
        var answer = await world.Bot.PressAsync("U-bob", accept.ActionId, accept.Value);

        // Assert
        Assert.Contains("I've asked <@U-bob>", CoreHarness.Text(asked), StringComparison.Ordinal);
        Assert.Contains("<@U-ann> asks if you can take their post on Wed 2 Dec", proposal.Message.Text, StringComparison.Ordinal);
        Assert.Contains("It's yours: Wed 2 Dec", CoreHarness.Text(answer), StringComparison.Ordinal);
        Assert.Equal(await world.MemberIdAsync("U-bob"), Assert.Single(await world.SlotsAsync()).AssigneeMemberId);
        Assert.Contains("<@U-bob> took your post", Assert.Single(PostingWorld.DirectTo(await world.OutboxAsync(before), "U-ann")).Message.Text, StringComparison.Ordinal);
        await using var db = world.Bot.OpenDb();
        Assert.Equal(SwapStatus.Accepted, (await db.PostingSwaps.SingleAsync()).Status);
    }

    [Fact]
    public async Task Swap_Declined_KeepsTheSlot()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 1/week", "U-ann", "U-bob");
        await world.FireAsync(PostingSchedules.Rotate, PostingWorld.RotationFriday);
        await world.Bot.CommandAsync("U-ann", "posting swap <@U-bob|Bob>");
        await using var db = world.Bot.OpenDb();
        var swap = await db.PostingSwaps.SingleAsync();

        // Act
        var declined = await world.Bot.PressAsync("U-bob", PostingActions.DeclineSwap, swap.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var late = await world.Bot.PressAsync("U-bob", PostingActions.AcceptSwap, swap.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Assert
        Assert.Contains("Declined", CoreHarness.Text(declined), StringComparison.Ordinal);
        Assert.Contains("already declined", CoreHarness.Text(late), StringComparison.Ordinal);
        Assert.Equal(await world.MemberIdAsync("U-ann"), Assert.Single(await world.SlotsAsync()).AssigneeMemberId);
    }

    [Fact]
    public async Task Swap_WithSomeoneNotVolunteering_IsRefused()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 1/week", "U-ann");
        await world.FireAsync(PostingSchedules.Rotate, PostingWorld.RotationFriday);

        // Act
        var result = await world.Bot.CommandAsync("U-ann", "posting swap <@U-owner|Owner>");

        // Assert
        Assert.Contains("isn't a posting volunteer", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = world.Bot.OpenDb();
        Assert.Empty(db.PostingSwaps);
    }

    [Fact]
    public async Task OptOut_WithUpcomingSlots_RemovesRoleAndReassignsThem()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 2/week", "U-ann", "U-bob");
        await world.FireAsync(PostingSchedules.Rotate, PostingWorld.RotationFriday);

        // Act
        var result = await world.Bot.CommandAsync("U-ann", "posting optout");

        // Assert
        Assert.Contains("You're out of the posting rotation", CoreHarness.Text(result), StringComparison.Ordinal);
        var bob = await world.MemberIdAsync("U-bob");
        Assert.All(await world.SlotsAsync(), s => Assert.Equal(bob, s.AssigneeMemberId));
        await using var db = world.Bot.OpenDb();
        Assert.Equal(Role.None, (await db.Members.SingleAsync(m => m.UserId == "U-ann")).Roles);
    }

    [Fact]
    public async Task Schedule_AfterRotation_ListsTwoWeeksAndTheCalendarFeed()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync("posting plan 2/week facebook", "U-ann", "U-bob");
        await world.FireAsync(PostingSchedules.Rotate, PostingWorld.RotationFriday);

        // Act
        var result = CoreHarness.Text(await world.Bot.CommandAsync("U-ann", "posting schedule"));

        // Assert
        Assert.Contains("Tue 1 Dec on Facebook, due 12:00 — <@U-ann>", result, StringComparison.Ordinal);
        Assert.Contains("Thu 3 Dec on Facebook, due 12:00 — <@U-bob>", result, StringComparison.Ordinal);
        Assert.Matches($"/practice/{world.PracticeId}/posting\\.ics\\?token=[0-9a-f]{{40}}", result);
    }

    [Fact]
    public async Task Ideas_AskedTwice_NeverLeadsWithTheSameIdea()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync();

        // Act
        var first = (await world.Bot.CommandAsync("U-ann", "posting ideas")).Replies.Single().Message.Card!.Blocks.OfType<SectionBlock>().Single().Text;
        var second = (await world.Bot.CommandAsync("U-ann", "posting ideas")).Replies.Single().Message.Card!.Blocks.OfType<SectionBlock>().Single().Text;

        // Assert
        Assert.Equal(3, first.Split('\n').Length);
        Assert.NotEqual(first.Split('\n')[0], second.Split('\n')[0]);
    }

    [Fact]
    public async Task IdeasAdd_ByManager_IsStoredAndSuggested_ByOthersRefused()
    {
        // Arrange
        await using var world = await PostingWorld.CreateAsync();

        // Act
        var added = await world.Bot.CommandAsync("U-owner", "posting ideas add Our new Saturday clinic hours");
        var refused = await world.Bot.CommandAsync("U-ann", "posting ideas add Something else");

        // Assert
        Assert.Contains("Added to your practice's ideas", CoreHarness.Text(added), StringComparison.Ordinal);
        Assert.Contains("Only managers can add ideas", CoreHarness.Text(refused), StringComparison.Ordinal);
        await using var db = world.Bot.OpenDb();
        var settings = (await db.Practices.SingleAsync()).Settings;
        Assert.Equal(["Our new Saturday clinic hours"], settings.PostIdeas);
        Assert.Contains(PostIdeas.Candidates(11, settings.PostIdeas), i => i.Text == "Our new Saturday clinic hours");
    }
}
