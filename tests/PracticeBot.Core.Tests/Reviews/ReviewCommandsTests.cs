using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Reviews;

public sealed class ReviewCommandsTests
{
    [Fact]
    public async Task List_Default_ShowsOpenReviewsNewestFirstWithClaimButtons()
    {
        await using var bot = await PracticeWithReviewsAsync();

        var result = await bot.CommandAsync("U-ann", "review");

        var card = Assert.Single(result.Replies).Message.Card!;
        var lines = card.Blocks.OfType<SectionBlock>().Select(s => OutsideText.Strip(s.Text)).ToList();
        Assert.Equal(3, lines.Count);
        Assert.StartsWith("*#3*", lines[0], StringComparison.Ordinal);
        Assert.Contains("“Waited an hour", lines[2], StringComparison.Ordinal);
        Assert.All(card.Blocks.OfType<ActionsBlock>(), a => Assert.Equal(ReviewActions.Claim, Assert.Single(a.Buttons).ActionId));
    }

    [Theory]
    [InlineData(7, "open reviews (10)", "")]
    [InlineData(9, "open reviews (12)", "Showing the newest 10 of 12. ")]
    public async Task List_AroundOnePage_CountsAllAndSaysWhenThereAreMore(int added, string title, string more)
    {
        await using var bot = await PracticeWithReviewsAsync();
        await AddReviewsAsync(bot, added);
        await bot.CommandAsync("U-ann", "review claim 12");

        var result = await bot.CommandAsync("U-bob", "review");

        var card = Assert.Single(result.Replies).Message.Card!;
        Assert.EndsWith(title, Assert.IsType<HeaderBlock>(card.Blocks[0]).Text, StringComparison.Ordinal);
        Assert.Equal(10, card.Blocks.OfType<SectionBlock>().Count());
        Assert.StartsWith(more + "`review <id>`", Assert.IsType<ContextBlock>(card.Blocks[^1]).Lines[0], StringComparison.Ordinal);
        if (added == 9)
        {
            Assert.Contains("claimed by <@U-ann>", card.Blocks.OfType<SectionBlock>().First().Text, StringComparison.Ordinal); // #12, its claimer
        }
    }

    [Fact]
    public async Task List_Mine_ShowsOnlyReviewsIClaimed()
    {
        await using var bot = await PracticeWithReviewsAsync();
        await bot.CommandAsync("U-ann", "review claim 2");

        var mine = await bot.CommandAsync("U-ann", "review mine");

        var lines = Assert.Single(mine.Replies).Message.Card!.Blocks.OfType<SectionBlock>().ToList();
        Assert.Contains("#2", Assert.Single(lines).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_UnknownNumber_SaysNotFound()
    {
        await using var bot = await PracticeWithReviewsAsync();

        var result = await bot.CommandAsync("U-ann", "review 99");

        Assert.Contains("There's no review #99", CoreHarness.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Review_CardCarriesTextStarsAndClaimButton()
    {
        await using var bot = await PracticeWithReviewsAsync();

        var result = await bot.CommandAsync("U-ann", "review 1");

        var message = Assert.Single(result.Replies).Message;
        Assert.Equal("review:1", message.CardKey);
        Assert.Contains("#1 · ★★☆☆☆ · Google", PlainTextRenderer.Render(message), StringComparison.Ordinal);
        Assert.Contains("[Claim]", PlainTextRenderer.Render(message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_NewReview_MakesMeOwnerAuditsAndShowsReleaseButton()
    {
        await using var bot = await PracticeWithReviewsAsync();

        var result = await bot.CommandAsync("U-ann", "review claim 1");

        Assert.Contains("You claimed review #1", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        var review = await db.Reviews.SingleAsync(r => r.Number == 1);
        var ann = await db.Members.SingleAsync(m => m.UserId == "U-ann");
        Assert.Equal((ReviewStatus.Claimed, ann.Id), (review.Status, review.ClaimedByMemberId!.Value));
        Assert.Contains(db.AuditEntries, a => a.Action == "review.claimed" && a.Subject == "review:1" && a.Actor == "slack:U-ann");
        var buttons = Assert.Single(result.Replies).Message.Card!.Blocks.OfType<ActionsBlock>().Single().Buttons.Select(b => b.ActionId);
        Assert.Equal([ReviewActions.Draft, ReviewActions.Suggest, ReviewActions.Release, ReviewActions.Escalate], buttons);
    }

    [Fact]
    public async Task Claim_AlreadyClaimedByOther_TellsWhoHasItAndKeepsOwner()
    {
        await using var bot = await PracticeWithReviewsAsync();
        await bot.CommandAsync("U-ann", "review claim 1");

        var result = await bot.PressAsync("U-bob", ReviewActions.Claim, "1");

        Assert.Contains("already claimed by <@U-ann>", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        var ann = await db.Members.SingleAsync(m => m.UserId == "U-ann");
        Assert.Equal(ann.Id, (await db.Reviews.SingleAsync(r => r.Number == 1)).ClaimedByMemberId);
    }

    [Fact]
    public async Task Claim_FiftyPeopleAtOnceOnSqlite_ExactlyOneWinsAndOthersAreToldWho()
    {
        await using var bot = await PracticeWithReviewsAsync(onFile: true);
        var people = Enumerable.Range(1, 50).Select(i => $"U-r{i}").ToList();
        foreach (var person in people)
        {
            await bot.CommandAsync("U-owner", $"practice role <@{person}> responder");
        }

        var results = await Task.WhenAll(people.Select(p => bot.PressAsync(p, ReviewActions.Claim, "3")));

        var texts = results.Select(CoreHarness.Text).ToList();
        await using var db = bot.OpenDb();
        var review = await db.Reviews.SingleAsync(r => r.Number == 3);
        var winner = await db.Members.SingleAsync(m => m.Id == review.ClaimedByMemberId);
        Assert.Equal(1, texts.Count(t => t.Contains("claimed by <@" + winner.UserId + ">", StringComparison.Ordinal) && !t.Contains("already", StringComparison.Ordinal)));
        Assert.Equal(people.Count - 1, texts.Count(t => t.Contains($"already claimed by <@{winner.UserId}>", StringComparison.Ordinal)));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "review.claimed"));
    }

    [Fact]
    public async Task Claim_ManagerAssignsToResponder_Reassigns()
    {
        await using var bot = await PracticeWithReviewsAsync();
        await bot.CommandAsync("U-ann", "review claim 1");

        var result = await bot.CommandAsync("U-owner", "review claim 1 <@U-bob|Bob>");

        Assert.Contains("is now <@U-bob>'s", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal("U-bob", (await db.Members.SingleAsync(m => m.Id == db.Reviews.Single(r => r.Number == 1).ClaimedByMemberId)).UserId);
    }

    [Fact]
    public async Task Claim_ResponderTriesToAssign_IsRefused()
    {
        await using var bot = await PracticeWithReviewsAsync();

        var result = await bot.CommandAsync("U-ann", "review claim 1 <@U-bob>");

        Assert.Contains("Only managers can assign", CoreHarness.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_PostedCard_IsUpdatedInPlaceThroughTheOutbox()
    {
        await using var bot = await PracticeWithReviewsAsync();
        await using (var db = bot.OpenDb())
        {
            var review = await db.Reviews.SingleAsync(r => r.Number == 1);
            var practice = await db.Practices.SingleAsync();
            db.Outbox.Add(new OutboxMessage
            {
                PracticeId = practice.Id,
                Platform = "slack",
                Target = MessageTarget.Channel(practice.Channel!),
                Message = ReviewCards.Card(review, null, bot.Time.GetUtcNow()),
                CardKey = "review:1",
                Status = OutboxStatus.Sent,
                PlatformChannelId = "C1",
                PlatformMessageId = "1700000000.000100",
            });
            await db.SaveChangesAsync();
        }

        await bot.PressAsync("U-ann", ReviewActions.Claim, "1");

        await using var check = bot.OpenDb();
        var update = await check.Outbox.Where(o => o.Status == OutboxStatus.Pending && o.CardKey == "review:1").SingleAsync();
        Assert.True(update.Message.ReplacesCard);
        Assert.Equal(("review:1", "C1"), (update.CardKey, update.Target.Conversation.ChannelId));
        Assert.Contains("claimed by <@U-ann>", PlainTextRenderer.Render(update.Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_ByButton_RepliesWithCardThatReplacesTheOne_Pressed()
    {
        await using var bot = await PracticeWithReviewsAsync();

        var result = await bot.PressAsync("U-ann", ReviewActions.Claim, "2");

        var reply = Assert.Single(result.Replies).Message;
        Assert.True(reply.ReplacesCard);
        Assert.Equal("review:2", reply.CardKey);
    }

    [Fact]
    public async Task Claim_StaleButtonValue_SaysSoWithoutChanges()
    {
        await using var bot = await PracticeWithReviewsAsync();

        var result = await bot.PressAsync("U-ann", ReviewActions.Claim, "not-a-number");

        Assert.Equal(ReviewReplies.StaleButton, CoreHarness.Text(result));
    }

    [Fact]
    public async Task Claim_MemberWithoutResponderRole_IsRefused()
    {
        await using var bot = await PracticeWithReviewsAsync();

        var result = await bot.PressAsync("U-nobody", ReviewActions.Claim, "1");

        Assert.Contains("Only managers or responders", CoreHarness.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_Owner_MakesItNewAgain()
    {
        await using var bot = await PracticeWithReviewsAsync();
        await bot.CommandAsync("U-ann", "review claim 1");

        await bot.PressAsync("U-ann", ReviewActions.Release, "1");

        await using var db = bot.OpenDb();
        var review = await db.Reviews.SingleAsync(r => r.Number == 1);
        Assert.Equal((ReviewStatus.New, (long?)null), (review.Status, review.ClaimedByMemberId));
    }

    [Fact]
    public async Task Release_SomeoneElsesClaim_IsRefused()
    {
        await using var bot = await PracticeWithReviewsAsync();
        await bot.CommandAsync("U-ann", "review claim 1");

        var result = await bot.CommandAsync("U-bob", "review release 1");

        Assert.Contains("only they or a manager", CoreHarness.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_WithoutText_OpensFormWithSafeTemplate()
    {
        await using var bot = await PracticeWithReviewsAsync();

        var result = await bot.PressAsync("U-ann", ReviewActions.Draft, "1");

        var card = Assert.Single(result.Replies).Message.Card!;
        var input = card.Blocks.OfType<TextInputBlock>().Single();
        Assert.Equal(ReviewActions.DraftInput, input.InputId);
        Assert.DoesNotContain("Maria", input.InitialValue, StringComparison.Ordinal);
        Assert.DoesNotContain("visit", input.InitialValue, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([ReviewActions.SubmitDraft, ReviewActions.Suggest], card.Blocks.OfType<ActionsBlock>().Single().Buttons.Select(b => b.ActionId));
    }

    [Fact]
    public async Task Reply_FormSubmitted_StoresDraftClaimsAndAuditsWithoutText()
    {
        await using var bot = await PracticeWithReviewsAsync();

        var result = await bot.PressAsync(
            "U-ann", ReviewActions.SubmitDraft, "1", new Dictionary<string, string> { [ReviewActions.DraftInput] = "  Thank you for telling us.  " });

        Assert.Contains("Draft saved for review #1", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        var draft = await db.ReviewReplies.SingleAsync();
        Assert.Equal(("Thank you for telling us.", ReplyStatus.Draft), (draft.Text, draft.Status));
        Assert.Equal(ReviewStatus.Drafted, (await db.Reviews.SingleAsync(r => r.Number == 1)).Status);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "review.drafted");
        Assert.DoesNotContain("Thank you", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_DraftNamingTheReviewer_IsSavedWithThePrivacyFindingsShown()
    {
        await using var bot = await PracticeWithReviewsAsync();

        var result = await bot.CommandAsync("U-ann", "review reply 1 Sorry Maria, your visit took too long.");

        var text = CoreHarness.Text(result);
        Assert.Contains("can't be published", text, StringComparison.Ordinal);
        Assert.Contains("“Maria”", text, StringComparison.Ordinal);
        Assert.Contains("“your visit”", text, StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Contains("privacy high risk", (await db.AuditEntries.SingleAsync(a => a.Action == "review.drafted")).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_Again_ReplacesTheDraft()
    {
        await using var bot = await PracticeWithReviewsAsync();
        await bot.CommandAsync("U-ann", "review reply 1 First try.");

        await bot.CommandAsync("U-ann", "review reply 1 Second, better try.");

        await using var db = bot.OpenDb();
        Assert.Equal("Second, better try.", (await db.ReviewReplies.SingleAsync()).Text);
    }

    [Fact]
    public async Task Reply_EmptySubmission_SavesNothingAndSaysWhy()
    {
        await using var bot = await PracticeWithReviewsAsync();

        var result = await bot.PressAsync("U-ann", ReviewActions.SubmitDraft, "1", new Dictionary<string, string> { [ReviewActions.DraftInput] = "   " });

        Assert.Contains("nothing was saved", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.False(await db.ReviewReplies.AnyAsync());
    }

    [Fact]
    public async Task Reply_TooLong_SavesNothingAndSaysTheLimit()
    {
        await using var bot = await PracticeWithReviewsAsync();

        var result = await bot.CommandAsync("U-ann", "review reply 1 " + new string('a', DraftReply.MaxLength + 1));

        Assert.Contains($"at most {DraftReply.MaxLength}", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.False(await db.ReviewReplies.AnyAsync());
    }

    [Fact]
    public async Task Reply_ToReviewClaimedByOther_IsRefused()
    {
        await using var bot = await PracticeWithReviewsAsync();
        await bot.CommandAsync("U-ann", "review claim 1");

        var result = await bot.CommandAsync("U-bob", "review reply 1 Mine now");

        Assert.Contains("only they write its reply", CoreHarness.Text(result), StringComparison.Ordinal);
    }

    private static async Task AddReviewsAsync(CoreHarness bot, int count)
    {
        await using var db = bot.OpenDb();
        var practice = await db.Practices.SingleAsync();
        for (var n = practice.LastReviewNumber + 1; n <= practice.LastReviewNumber + count; n++)
        {
            db.Reviews.Add(new Review
            {
                PracticeId = practice.Id, Number = n, Source = "google", ExternalId = $"g-{n}", Rating = 3, Text = "Fine.",
                CreatedAt = bot.Time.GetUtcNow(), ReceivedAt = bot.Time.GetUtcNow(), Status = ReviewStatus.New,
            });
        }

        practice.LastReviewNumber += count;
        await db.SaveChangesAsync();
    }

    /// <summary>A practice with a manager, two responders, a member without role, and three new reviews.</summary>
    /// <summary>The Google location the sample reviews were polled from.</summary>
    internal const string ConnectedLocation = "accounts/1/locations/1";

    internal static async Task<CoreHarness> PracticeWithReviewsAsync(bool onFile = false) => await PracticeWithReviewsAsync(null, onFile);

    internal static async Task<CoreHarness> PracticeWithReviewsAsync(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure, bool onFile = false)
    {
        var bot = await CoreHarness.CreateAsync(configure, onFile: onFile);
        await bot.CommandAsync("U-owner", "practice setup Sunrise America/Chicago");
        await bot.CommandAsync("U-owner", "practice role <@U-ann|Ann> responder");
        await bot.CommandAsync("U-owner", "practice role <@U-bob|Bob> responder");
        await using var db = bot.OpenDb();
        var practice = await db.Practices.SingleAsync();
        var now = bot.Time.GetUtcNow();
        (int? Rating, string Text)[] samples = [(2, "Waited an hour and nobody said why. Maria"), (5, "Lovely staff."), (4, "Good, parking tight.")];
        for (var i = 0; i < samples.Length; i++)
        {
            db.Reviews.Add(new Review
            {
                PracticeId = practice.Id,
                Number = i + 1,
                Source = "google",
                ExternalId = $"{ConnectedLocation}/reviews/g{i + 1}",
                Origin = ReviewOrigin.Polled,
                SourceLocation = ConnectedLocation,
                Rating = samples[i].Rating,
                Author = "Maria G.",
                Text = samples[i].Text,
                CreatedAt = now.AddHours(-i),
                ReceivedAt = now,
                Status = ReviewStatus.New,
            });
        }

        practice.LastReviewNumber = samples.Length;
        await db.SaveChangesAsync();
        return bot;
    }
}
