using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Suggestions;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Reviews.Suggestions;

public sealed class SuggestReplyTests
{
    private const string Contact = "Please call our office at 555-010-0199 and ask for the practice manager.";

    [Fact]
    public async Task Suggest_NoModelConfigured_TemplateInThePracticesToneBecomesTheDraft()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        await bot.CommandAsync("U-owner", "practice set tone formal");
        await bot.CommandAsync("U-owner", $"practice set contact {Contact}");

        var result = await bot.CommandAsync("U-ann", "review suggest 1");

        var expected = ReplyTemplates.For(
            new Review { Source = "google", ExternalId = "x", Rating = 2 }, new PracticeSettings { ReplyTone = ReplyTones.Formal, ContactLine = Contact });
        Assert.StartsWith("Thank you for taking the time to share your feedback.", expected, StringComparison.Ordinal);
        Assert.EndsWith(Contact, expected, StringComparison.Ordinal);
        Assert.Contains(expected, CoreHarness.Text(result), StringComparison.Ordinal);
        Assert.Contains("from the practice's templates", CoreHarness.Text(result), StringComparison.Ordinal);
        Assert.Contains("Saved as the draft", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        var review = await db.Reviews.SingleAsync(r => r.Number == 1);
        Assert.Equal(ReviewStatus.Drafted, review.Status);
        Assert.Equal(expected, (await db.ReviewReplies.SingleAsync(r => r.ReviewId == review.Id)).Text);
        Assert.Contains(await db.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "review.suggested");
    }

    [Fact]
    public async Task Suggest_ClaimedBySomeoneElse_RefusedWithoutAskingTheModel()
    {
        var model = new Mock<IChatClient>(MockBehavior.Strict);
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync(s => s.AddSingleton(model.Object));
        await bot.CommandAsync("U-bob", "review claim 1");

        var result = await bot.CommandAsync("U-ann", "review suggest 1");

        Assert.Contains("claimed by <@U-bob>", CoreHarness.Text(result), StringComparison.Ordinal);
        model.VerifyNoOtherCalls();
        await using var db = bot.OpenDb();
        Assert.Empty(await db.ReviewReplies.ToListAsync());
    }

    [Fact]
    public async Task Suggest_ModelAnswersNothing_TemplateWithANote()
    {
        var model = new Mock<IChatClient>();
        model.Setup(m => m.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChatResponse(new ChatMessage(ChatRole.Assistant, "  ")));
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync(s => s.AddSingleton(model.Object));

        var result = await bot.CommandAsync("U-ann", "review suggest 2");

        Assert.Contains(ReplySuggester.NoAnswerNote, CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal(ReplyTemplates.BuiltIn[ReplyTemplates.Positive], (await db.ReviewReplies.SingleAsync()).Text);
    }

    [Fact]
    public async Task SuggestButton_OnAClaimedCardAndInTheReplyForm_UsesTheSharedActionId()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();

        var claimed = await bot.CommandAsync("U-ann", "review claim 1");
        var form = await bot.PressAsync("U-ann", ReviewActions.Draft, "1");
        var pressed = await bot.PressAsync("U-ann", ReviewActions.Suggest, "1");

        Assert.Contains(claimed.Replies.SelectMany(r => r.Message.Card?.Blocks.OfType<ActionsBlock>() ?? []).SelectMany(a => a.Buttons), b => b.ActionId == ReviewActions.Suggest);
        Assert.Contains(form.Replies.Single().Message.Card!.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons), b => b.ActionId == ReviewActions.Suggest);
        Assert.Contains("Suggested reply for review #1", CoreHarness.Text(pressed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyForm_NoDraft_PrefilledWithTheSuggestionInThePracticesToneAndContactLine()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        await bot.CommandAsync("U-owner", "practice set tone brief");
        await bot.CommandAsync("U-owner", $"practice set contact {Contact}");

        var form = await bot.CommandAsync("U-ann", "review reply 1");

        var input = form.Replies.Single().Message.Card!.Blocks.OfType<TextInputBlock>().Single();
        Assert.Equal($"Thank you for sharing this; we take every concern seriously. {Contact}", input.InitialValue);
    }

    [Fact]
    public async Task ReplyForm_AfterASuggestion_PrefilledWithIt()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        await bot.CommandAsync("U-ann", "review suggest 2");

        var form = await bot.CommandAsync("U-ann", "review reply 2");

        var input = form.Replies.Single().Message.Card!.Blocks.OfType<TextInputBlock>().Single();
        Assert.Equal(ReplyTemplates.BuiltIn[ReplyTemplates.Positive], input.InitialValue);
    }

    [Theory]
    [InlineData("tone loud", "warm, formal, brief")]
    [InlineData("contact Please call about your visit.", "not saved")]
    public async Task Settings_BadToneOrUnsafeContactLine_RefusedAndNothingChanges(string line, string answer)
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();

        var result = await bot.CommandAsync("U-owner", $"practice set {line}");

        Assert.Contains(answer, CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        var settings = (await db.Practices.SingleAsync()).Settings;
        Assert.Equal(ReplyTones.Warm, settings.ReplyTone);
        Assert.Null(settings.ContactLine);
    }

    [Fact]
    public async Task Settings_ToneAndContact_ShownAndResettable()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        await bot.CommandAsync("U-owner", "practice set tone Formal");
        await bot.CommandAsync("U-owner", $"practice set contact {Contact}");

        var shown = CoreHarness.Text(await bot.CommandAsync("U-ann", "practice settings"));
        var reset = CoreHarness.Text(await bot.CommandAsync("U-owner", "practice set contact reset"));

        Assert.Contains("formal", shown, StringComparison.Ordinal);
        Assert.Contains(Contact, shown, StringComparison.Ordinal);
        Assert.Contains(ReplyTemplates.DefaultContactLine, reset, StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        var settings = (await db.Practices.SingleAsync()).Settings;
        Assert.Equal(ReplyTones.Formal, settings.ReplyTone);
        Assert.Null(settings.ContactLine);
    }

    [Fact]
    public async Task Settings_ToneByAResponder_Refused()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();

        var result = await bot.CommandAsync("U-ann", "practice set tone brief");

        Assert.Contains("Only managers", CoreHarness.Text(result), StringComparison.Ordinal);
    }
}
