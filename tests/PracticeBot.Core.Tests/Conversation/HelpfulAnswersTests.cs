using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Tests.Reviews;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Conversation;

/// <summary>Answers that help: the closest command with its arguments, usage with an example, who may do what.</summary>
public sealed class HelpfulAnswersTests
{
    [Theory]
    [InlineData("review", "clam 12", "Did you mean `review claim 12`?")]
    [InlineData("reveiw", "claim 12", "Did you mean `review claim 12`?")]
    [InlineData("posting", "shedule", "Did you mean `posting schedule`?")]
    [InlineData("practice", "sset targets 48h", "Did you mean `practice set targets 48h`?")]
    public void Parse_Typo_SuggestsTheClosestCommandWithWhatWasTyped(string root, string text, string suggestion)
    {
        var result = CommandParser.Parse(root, text);

        Assert.False(result.Succeeded);
        Assert.Contains(suggestion, OutsideText.Strip(result.Explain()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("revew claim 12", "Did you mean `review claim 12`?")]
    [InlineData("claim 12", "Did you mean `review claim 12`?")]
    [InlineData("schedule", "Did you mean `posting schedule`?")]
    public void SuggestForLine_TextWithoutOrWithAMistypedRoot_SuggestsTheCommand(string line, string suggestion)
    {
        Assert.Equal($" {suggestion}", OutsideText.Strip(CommandParser.SuggestForLine(line)));
    }

    [Fact]
    public void SuggestForLine_Chatter_SuggestsNothing()
    {
        Assert.Equal("", CommandParser.SuggestForLine("hello there"));
    }

    [Fact]
    public void EveryCommand_ItsExample_Parses()
    {
        Assert.All(CommandCatalog.All, command =>
        {
            var parsed = CommandParser.ParseLine(command.ExampleLine);
            Assert.True(parsed.Succeeded, $"`{command.ExampleLine}` ({command.RouteName}): {parsed.Error}");
            Assert.Equal(command.RouteName, parsed.Command!.Spec.RouteName);
        });
    }

    [Fact]
    public void Parse_WrongArgument_GivesThatCommandsUsageAndAnExample()
    {
        var result = CommandParser.Parse("review", "claim abc");

        Assert.Equal(
            "`abc` isn't a review number. Review numbers look like `12`.\nUsage:\n`review claim <id> [@user]`\nFor example: `review claim 12`",
            OutsideText.Strip(result.Explain()));
    }

    [Fact]
    public async Task Message_TypoOfACommand_IsAnsweredWithTheCommand()
    {
        await using var bot = await CoreHarness.CreateAsync();

        var result = await bot.Dispatcher.DispatchAsync(new MessageReceived(
            new ConversationReference(Platforms.Teams, "T1", "C1"), new ChatUser("U1"), "reveiw claim 3"));

        Assert.Contains("Did you mean `review claim 3`?", OutsideText.Strip(CoreHarness.Text(result)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_ReviewWithoutDraft_SaysThereIsNoDraft()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();

        var result = await bot.CommandAsync("U-owner", "review reject 1 needs more warmth");

        Assert.Equal("Review #1 has no draft to reject: nobody has drafted a reply yet. `review reply 1` drafts one.", CoreHarness.Text(result));
    }

    [Fact]
    public async Task RoleRefusal_NamesTheRoleAndWhoHasIt()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();

        var result = await bot.CommandAsync("U-nobody", "posting plan 3/week");

        Assert.Equal(
            "Only managers can use `posting plan`. Here that is <@U-owner>: ask them, or a manager for a role (`practice role @you <role>`).",
            CoreHarness.Text(result));
    }

    [Fact]
    public async Task Settings_WithAValue_ChangesNothingAndPointsToPracticeSet()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();

        var result = await bot.CommandAsync("U-owner", "practice settings tone formal");

        Assert.Contains("`practice settings` only shows settings; nothing was changed. To change this one: `practice set tone formal`", OutsideText.Strip(CoreHarness.Text(result)), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal("warm", db.Practices.Single().Settings.ReplyTone);
    }
}
