using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Home;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Tests.Posting;
using PracticeBot.Core.Tests.Reviews;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Home;

/// <summary>Issue 20: a home for each person (<c>my work</c>, the App Home's content) and its refreshes through the outbox.</summary>
public sealed class PersonHomeTests
{
    [Fact]
    public async Task MyWork_Responder_ClaimedReviewsAndOpenNegativesEachWithOpen_NoApprovals()
    {
        // Arrange: Ann claims the negative #1 and the positive #3.
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        await bot.CommandAsync("U-ann", "review claim 1");
        await bot.CommandAsync("U-ann", "review claim 3");

        // Act
        var card = Assert.Single((await bot.CommandAsync("U-ann", "my work")).Replies).Message.Card!;

        // Assert
        var sections = Sections(card);
        Assert.Equal([PersonHome.DutyTitle, PersonHome.ClaimedTitle, "#1", "#3", PersonHome.NegativeTitle, "#1"], sections);
        Assert.Equal(["1", "3", "1"], card.Blocks.OfType<ActionsBlock>().Select(a => Assert.Single(a.Buttons))
            .Where(b => b.ActionId == HomeActions.OpenReview).Select(b => b.Value));
        Assert.Contains(card.Blocks.OfType<ContextBlock>(), c => c.Lines[0].StartsWith("None assigned.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MyWork_Manager_SeesTheDraftWaitingForApproval_AndOpenShowsItsApproveButton()
    {
        // Arrange: Ann's reply to the negative #1 waits for a manager.
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        await bot.CommandAsync("U-ann", "review reply 1 Thank you for telling us. Please call our office manager.");
        await bot.CommandAsync("U-ann", "review publish 1");

        // Act
        var card = Assert.Single((await bot.CommandAsync("U-owner", "my work")).Replies).Message.Card!;
        var opened = await bot.PressAsync("U-owner", HomeActions.OpenReview, "1");

        // Assert
        var sections = Sections(card);
        var approvals = sections.IndexOf(PersonHome.ApprovalsTitle);
        Assert.True(approvals > 0, string.Join(" | ", sections));
        Assert.Equal("#1", sections[approvals + 1]);
        var review = Assert.Single(opened.Replies).Message.Card!;
        Assert.Contains(review.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons), b => b.ActionId == ReviewActions.Approve);
        Assert.DoesNotContain(PersonHome.ApprovalsTitle, Sections(Assert.Single((await bot.CommandAsync("U-ann", "my work")).Replies).Message.Card!));
    }

    [Fact]
    public async Task MyWork_Volunteer_NextDutyWithADoneButtonThatRecordsThePost()
    {
        // Arrange: Ann volunteers; the plan gives her this week's post (Wednesday) at once.
        await using var world = await PostingWorld.CreateAsync("posting plan 1/week facebook", firstWeek: true, "U-ann");
        var slot = Assert.Single(await world.SlotsAsync());

        // Act
        var card = Assert.Single((await world.Bot.CommandAsync("U-ann", "my work")).Replies).Message.Card!;
        var done = card.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons).Single(b => b.ActionId == PostingActions.Done);
        await world.Bot.PressAsync("U-ann", done.ActionId, done.Value);

        // Assert
        Assert.Contains(card.Blocks.OfType<SectionBlock>(), s => s.Text.StartsWith("Wed 25 Nov on Facebook, due 12:00", StringComparison.Ordinal));
        Assert.Equal(SlotStatus.Done, Assert.Single(await world.SlotsAsync()).Status);
        Assert.Equal(PostingTexts.Id(slot), done.Value);
    }

    [Fact]
    public async Task Claim_PositiveReview_RefreshesHomesOfRespondersManagersAndActor_NotOthers()
    {
        // Arrange: Cat is a member without a role (she asked for help once).
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        await bot.CommandAsync("U-cat", "help");
        var before = await LastOutboxIdAsync(bot);

        // Act
        await bot.CommandAsync("U-ann", "review claim 3");

        // Assert: one refresh each for Ann, Bob and the owner, with the claim; none for Cat.
        Assert.Equal(["U-ann", "U-bob", "U-owner"], await HomeRefreshesAsync(bot, before));
    }

    [Fact]
    public async Task Claim_NegativeReview_RefreshesEveryonesHome()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        await bot.CommandAsync("U-cat", "help");
        var before = await LastOutboxIdAsync(bot);

        await bot.CommandAsync("U-ann", "review claim 1");

        Assert.Equal(["U-ann", "U-bob", "U-cat", "U-owner"], await HomeRefreshesAsync(bot, before));
    }

    [Fact]
    public async Task Volunteer_RefreshesTheVolunteersHomes()
    {
        await using var world = await PostingWorld.CreateAsync("posting plan 3/week", firstWeek: true, "U-ann");
        var before = await LastOutboxIdAsync(world.Bot);

        await world.Bot.CommandAsync("U-bob", "posting volunteer");

        Assert.Equal(["U-ann", "U-bob"], await HomeRefreshesAsync(world.Bot, before));
    }

    [Fact]
    public async Task NewNegativeReviewArrives_RefreshesEveryonesHome_APositiveOneNobodys()
    {
        // Arrange
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        long practiceId;
        await using (var db = bot.OpenDb())
        {
            practiceId = (await db.Practices.SingleAsync()).Id;
        }

        var before = await LastOutboxIdAsync(bot);
        var at = bot.Time.GetUtcNow();

        // Act: a positive review, then a negative one, from a source.
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var intake = scope.ServiceProvider.GetRequiredService<ReviewIntake>();
            await intake.ReceiveAsync(practiceId, [new SourcedReview("vitals", "v-5", 5, null, "A", "Lovely.", at)], ReviewOrigin.Webhook, surface: true, "webhook", CancellationToken.None);
        }

        var afterPositive = await LastOutboxIdAsync(bot);
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var intake = scope.ServiceProvider.GetRequiredService<ReviewIntake>();
            await intake.ReceiveAsync(practiceId, [new SourcedReview("vitals", "v-1", 1, null, "B", "Rude.", at)], ReviewOrigin.Webhook, surface: true, "webhook", CancellationToken.None);
        }

        // Assert
        Assert.Empty(await HomeRefreshesAsync(bot, before, afterPositive));
        Assert.Equal(["U-ann", "U-bob", "U-owner"], await HomeRefreshesAsync(bot, afterPositive));
    }

    private static List<string> Sections(Card card) =>
        [.. card.Blocks.OfType<SectionBlock>().Select(s => OutsideText.Strip(s.Text)).Select(t => t.StartsWith('*') && t.StartsWith("*#", StringComparison.Ordinal) ? t[1..t.IndexOf('*', 1)] : t)];

    private static async Task<long> LastOutboxIdAsync(CoreHarness bot)
    {
        await using var db = bot.OpenDb();
        return await db.Outbox.MaxAsync(o => (long?)o.Id) ?? 0;
    }

    private static async Task<List<string>> HomeRefreshesAsync(CoreHarness bot, long afterId, long upTo = long.MaxValue)
    {
        await using var db = bot.OpenDb();
        var rows = await db.Outbox.Where(o => o.Id > afterId && o.Id <= upTo).ToListAsync();
        return [.. rows.Where(o => o.Target.Visibility == MessageVisibility.Home).Select(o => o.Target.UserId!).Order(StringComparer.Ordinal)];
    }
}
