using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Reviews;

public sealed class ReviewLifecycleTests
{
    /// <summary>The lifecycle of issue 6 written out independently: which states each step may start from.</summary>
    private static readonly Dictionary<ReviewStep, ReviewStatus[]> Expected = new()
    {
        [ReviewStep.Claim] = [ReviewStatus.New],
        [ReviewStep.Release] = [ReviewStatus.Claimed, ReviewStatus.Drafted],
        [ReviewStep.Draft] = [ReviewStatus.New, ReviewStatus.Claimed, ReviewStatus.Drafted, ReviewStatus.AwaitingApproval, ReviewStatus.Approved],
        [ReviewStep.SubmitForApproval] = [ReviewStatus.Drafted],
        [ReviewStep.Approve] = [ReviewStatus.AwaitingApproval],
        [ReviewStep.Reject] = [ReviewStatus.AwaitingApproval],
        [ReviewStep.Publish] = [ReviewStatus.Drafted, ReviewStatus.Approved],
        [ReviewStep.MarkReplied] = [ReviewStatus.Approved, ReviewStatus.Publishing],
        [ReviewStep.Escalate] = [ReviewStatus.New, ReviewStatus.Claimed, ReviewStatus.Drafted, ReviewStatus.AwaitingApproval],
        [ReviewStep.NoReplyNeeded] = [ReviewStatus.New, ReviewStatus.Claimed],
        [ReviewStep.CancelPublish] = [ReviewStatus.Publishing],
        [ReviewStep.Resolve] = [.. Enum.GetValues<ReviewStatus>().Except([ReviewStatus.Resolved, ReviewStatus.Publishing])],
    };

    [Fact]
    public void Allows_EveryStepFromEveryState_MatchesTheLifecycle()
    {
        foreach (var step in Enum.GetValues<ReviewStep>())
        {
            foreach (var status in Enum.GetValues<ReviewStatus>())
            {
                Assert.True(
                    Expected[step].Contains(status) == ReviewLifecycle.Allows(step, status),
                    $"{step} from {status}: expected {(Expected[step].Contains(status) ? "allowed" : "refused")}");
            }
        }
    }

    [Fact]
    public void Refusal_NamesTheStateAndTheStep()
    {
        Assert.Equal("Review #4 is already replied, so it can't be approved now.", ReviewLifecycle.Refusal(ReviewStep.Approve, ReviewStatus.Replied, 4));
    }

    [Fact]
    public async Task Publish_NegativeReviewByResponder_GoesToManagersForApproval()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        await bot.CommandAsync("U-ann", "review reply 1 Thank you for telling us. Please call our office manager.");

        var result = await bot.CommandAsync("U-ann", "review publish 1");

        Assert.Contains("for approval", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal(ReviewStatus.AwaitingApproval, (await db.Reviews.SingleAsync(r => r.Number == 1)).Status);
        var ask = (await db.Outbox.ToListAsync()).Single(o => o.Target.UserId == "U-owner" && o.Message.Card is not null);
        Assert.Equal(
            [ReviewActions.Approve, ReviewActions.Reject],
            ask.Message.Card!.Blocks.OfType<ActionsBlock>().Single().Buttons.Select(b => b.ActionId));
    }

    [Fact]
    public async Task Approve_ByManager_ApprovesAndTellsTheAuthor()
    {
        await using var bot = await AwaitingApprovalAsync("Thank you for telling us. Please call our office manager.");

        var result = await bot.PressAsync("U-owner", ReviewActions.Approve, await NewestApproveButtonAsync(bot));

        Assert.Contains("Approved the reply to review #1", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal(ReviewStatus.Approved, (await db.Reviews.SingleAsync(r => r.Number == 1)).Status);
        Assert.Contains((await db.Outbox.ToListAsync()), o => o.Target.UserId == "U-ann" && o.Message.Text.Contains("approved your reply", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approve_ByResponder_IsRefused()
    {
        await using var bot = await AwaitingApprovalAsync("Thank you for telling us.");

        var result = await bot.CommandAsync("U-bob", "review approve 1");

        Assert.Contains("Only managers", CoreHarness.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_HighRiskWithoutReason_IsRefusedWithTheFindings()
    {
        await using var bot = await AwaitingApprovalAsync("Sorry Maria, your visit took too long.");

        var result = await bot.CommandAsync("U-owner", "review approve 1");

        Assert.Contains("give your reason", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal(ReviewStatus.AwaitingApproval, (await db.Reviews.SingleAsync(r => r.Number == 1)).Status);
    }

    [Fact]
    public async Task Approve_HighRiskWithReason_IsAnAuditedOverride()
    {
        await using var bot = await AwaitingApprovalAsync("Sorry Maria, your visit took too long.");

        await bot.CommandAsync("U-owner", "review approve 1 The reviewer asked us publicly to reply by name");

        await using var db = bot.OpenDb();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "review.approved.override");
        Assert.Equal("override reason: The reviewer asked us publicly to reply by name", audit.Detail);
        Assert.Equal(ReviewStatus.Approved, (await db.Reviews.SingleAsync(r => r.Number == 1)).Status);
    }

    [Fact]
    public async Task Reject_WithoutReason_AsksForOneAndChangesNothing()
    {
        await using var bot = await AwaitingApprovalAsync("Thank you for telling us.");

        var result = await bot.CommandAsync("U-owner", "review reject 1");

        Assert.Contains("Say what should change", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal(ReviewStatus.AwaitingApproval, (await db.Reviews.SingleAsync(r => r.Number == 1)).Status);
    }

    [Fact]
    public async Task Reject_ButtonThenForm_SendsTheDraftBackWithTheReason()
    {
        await using var bot = await AwaitingApprovalAsync("Thank you for telling us.");

        var form = await bot.PressAsync("U-owner", ReviewActions.Reject, "1");
        await bot.PressAsync("U-owner", ReviewActions.SubmitReject, "1", new Dictionary<string, string> { [ReviewActions.ReasonInput] = "Add the office number" });

        Assert.Equal(ReviewActions.ReasonInput, Assert.Single(form.Replies).Message.Card!.Blocks.OfType<TextInputBlock>().Single().InputId);
        await using var db = bot.OpenDb();
        Assert.Equal(ReviewStatus.Drafted, (await db.Reviews.SingleAsync(r => r.Number == 1)).Status);
        Assert.Equal(ReplyStatus.Draft, (await db.ReviewReplies.SingleAsync()).Status);
        Assert.Contains((await db.Outbox.ToListAsync()), o => o.Target.UserId == "U-ann" && o.Message.Text.Contains("Add the office number", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_Approved_GivesTextReadyToPostThenMarkRepliedCloses()
    {
        await using var bot = await AwaitingApprovalAsync("Thank you for telling us. Please call our office manager.");
        await bot.CommandAsync("U-owner", "review approve 1");

        var ready = await bot.CommandAsync("U-ann", "review publish 1");
        var replied = await bot.PressAsync("U-ann", ReviewActions.MarkReplied, "1");

        var card = Assert.Single(ready.Replies).Message;
        Assert.Contains("Thank you for telling us.", PlainTextRenderer.Render(card), StringComparison.Ordinal);
        Assert.Equal(ReviewActions.MarkReplied, card.Card!.Blocks.OfType<ActionsBlock>().Single().Buttons.Single().ActionId);
        Assert.Contains("marked replied", CoreHarness.Text(replied), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal(ReviewStatus.Replied, (await db.Reviews.SingleAsync(r => r.Number == 1)).Status);
        Assert.Equal(ReplyStatus.Published, (await db.ReviewReplies.SingleAsync()).Status);
    }

    [Fact]
    public async Task Publish_CleanReplyToFiveStarsByResponder_NeedsNoApproval()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        await bot.CommandAsync("U-ann", "review reply 2 Thank you for your kind words!");

        var result = await bot.CommandAsync("U-ann", "review publish 2");

        Assert.Contains("Ready to post", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal(ReviewStatus.Approved, (await db.Reviews.SingleAsync(r => r.Number == 2)).Status);
    }

    [Fact]
    public async Task Publish_HighRiskDraftByManager_IsRefusedWithHowToOverride()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        await bot.CommandAsync("U-owner", "review reply 2 Thanks Maria, glad your surgery went well!");

        var result = await bot.CommandAsync("U-owner", "review publish 2");

        Assert.Contains("review approve 2 <reason>", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal(ReviewStatus.Drafted, (await db.Reviews.SingleAsync(r => r.Number == 2)).Status);
    }

    [Fact]
    public async Task Publish_WithoutDraft_SaysHowToStartOne()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();

        var result = await bot.CommandAsync("U-ann", "review publish 1");

        Assert.Equal("Review #1 is new, so it can't be published now.", CoreHarness.Text(result));
    }

    [Fact]
    public async Task Escalate_WithOperationsRole_TellsThemPrivatelyWithTheNote()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        await bot.CommandAsync("U-owner", "practice role <@U-ops|Olga> operations");

        var result = await bot.CommandAsync("U-ann", "review escalate 1 Front desk says the schedule slipped at 3pm");

        Assert.Contains("is with <@U-ops>", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal(ReviewStatus.Escalated, (await db.Reviews.SingleAsync(r => r.Number == 1)).Status);
        var dm = (await db.Outbox.ToListAsync()).Single(o => o.Target.UserId == "U-ops" && o.Message.Card is not null);
        Assert.Contains("schedule slipped", PlainTextRenderer.Render(dm.Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalate_WithoutOperations_GoesToManagers()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();

        var result = await bot.PressAsync("U-ann", ReviewActions.Escalate, "1");

        Assert.Contains("is with <@U-owner>", CoreHarness.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_Escalated_IsResolvedAndCannotBeResolvedAgain()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        await bot.CommandAsync("U-ann", "review escalate 1");

        await bot.CommandAsync("U-ann", "review resolve 1 Talked to the front desk");
        var again = await bot.CommandAsync("U-ann", "review resolve 1");

        Assert.Equal("Review #1 is resolved, so it can't be resolved now.", CoreHarness.Text(again));
        await using var db = bot.OpenDb();
        Assert.Equal(ReviewStatus.Resolved, (await db.Reviews.SingleAsync(r => r.Number == 1)).Status);
    }

    [Fact]
    public async Task NoReplyNeeded_ByManager_ClosesTheReview_ByResponder_IsRefused()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();

        var refused = await bot.PressAsync("U-ann", ReviewActions.NoReplyNeeded, "2");
        await bot.PressAsync("U-owner", ReviewActions.NoReplyNeeded, "2");

        Assert.Contains("Only managers", CoreHarness.Text(refused), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal(ReviewStatus.NoReplyNeeded, (await db.Reviews.SingleAsync(r => r.Number == 2)).Status);
    }

    [Fact]
    public async Task Show_AfterClaimAndDraft_ListsTheHistory()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        await bot.CommandAsync("U-ann", "review claim 1");
        await bot.CommandAsync("U-ann", "review reply 1 Thank you for telling us.");

        var result = await bot.CommandAsync("U-bob", "review 1");

        var text = CoreHarness.Text(result);
        Assert.Contains("U-ANN · claimed", text, StringComparison.Ordinal);
        Assert.Contains("U-ANN · drafted", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("claimed", StringComparison.Ordinal) < text.IndexOf("drafted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approve_ButtonOfAnOlderText_IsRefusedWithTheCurrentText()
    {
        await using var bot = await AwaitingApprovalAsync("Thank you for telling us.");
        var oldCard = await NewestApproveButtonAsync(bot);
        await bot.CommandAsync("U-owner", "review reject 1 Say sorry first.");
        await bot.CommandAsync("U-ann", "review reply 1 We are sorry and will call you.");
        await bot.CommandAsync("U-ann", "review publish 1");

        var stale = await bot.PressAsync("U-owner", ReviewActions.Approve, oldCard);
        var current = await bot.PressAsync("U-owner", ReviewActions.Approve, await NewestApproveButtonAsync(bot));

        Assert.Contains("The draft changed since this card; here is the current one.", CoreHarness.Text(stale), StringComparison.Ordinal);
        Assert.Contains("We are sorry and will call you.", CoreHarness.Text(stale), StringComparison.Ordinal);
        Assert.Contains("Approved the reply to review #1", CoreHarness.Text(current), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "review.approval.requested"));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "review.approved"));
    }

    [Fact]
    public async Task Approve_ButtonWithoutAVersion_IsRefusedAsStale()
    {
        await using var bot = await AwaitingApprovalAsync("Thank you for telling us.");

        var result = await bot.PressAsync("U-owner", ReviewActions.Approve, "1");

        Assert.Contains("The draft changed since this card", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal(ReviewStatus.AwaitingApproval, (await db.Reviews.SingleAsync(r => r.Number == 1)).Status);
    }

    [Fact]
    public async Task Publish_AfterTheApprovedTextWasEdited_AsksForApprovalAgainAndTheOldButtonIsStale()
    {
        await using var bot = await AwaitingApprovalAsync("Thank you for telling us.");
        await bot.PressAsync("U-owner", ReviewActions.Approve, await NewestApproveButtonAsync(bot));
        var approvedCard = await bot.CommandAsync("U-ann", "review 1");
        var oldPublish = approvedCard.Replies[0].Message.Card!.Blocks.OfType<ActionsBlock>().Single().Buttons.Single(b => b.ActionId == ReviewActions.Publish).Value;

        var edit = await bot.CommandAsync("U-ann", "review reply 1 Thank you. Your visit on Monday was hard, we know.");
        var stale = await bot.PressAsync("U-ann", ReviewActions.Publish, oldPublish);
        var publish = await bot.CommandAsync("U-ann", "review publish 1");

        Assert.Contains("the earlier approval no longer applies", CoreHarness.Text(edit), StringComparison.Ordinal);
        Assert.Contains("The draft changed since this card", CoreHarness.Text(stale), StringComparison.Ordinal);
        Assert.Contains("for approval", CoreHarness.Text(publish), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal(ReviewStatus.AwaitingApproval, (await db.Reviews.SingleAsync(r => r.Number == 1)).Status);
        var reply = await db.ReviewReplies.SingleAsync();
        Assert.Equal((ReplyStatus.AwaitingApproval, (string?)null, (long?)null), (reply.Status, reply.ApprovedVersion, reply.ApprovedByMemberId));
    }

    /// <summary>The value of the Approve button on the newest approval request sent to the owner.</summary>
    private static async Task<string> NewestApproveButtonAsync(CoreHarness bot)
    {
        await using var db = bot.OpenDb();
        var sent = await db.Outbox.OrderByDescending(o => o.Id).ToListAsync();
        return sent.Where(o => o.Target.UserId == "U-owner")
            .SelectMany(o => o.Message.Card?.Blocks.OfType<ActionsBlock>() ?? [])
            .SelectMany(a => a.Buttons)
            .First(b => b.ActionId == ReviewActions.Approve).Value;
    }

    private static async Task<CoreHarness> AwaitingApprovalAsync(string draft)
    {
        var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        await bot.CommandAsync("U-ann", $"review reply 1 {draft}");
        await bot.CommandAsync("U-ann", "review publish 1");
        return bot;
    }
}
