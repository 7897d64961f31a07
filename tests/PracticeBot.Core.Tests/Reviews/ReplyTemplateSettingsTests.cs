using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Triage;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Reviews;

public sealed class ReplyTemplateSettingsTests
{
    [Fact]
    public void For_ReviewAboutWaiting_UsesTheWaitTimeTemplate()
    {
        var review = new Review { Source = "google", ExternalId = "x", Rating = 2, Categories = [ComplaintCategories.WaitTime] };

        Assert.Equal(ReplyTemplates.BuiltIn[ComplaintCategories.WaitTime], ReplyTemplates.For(review));
    }

    [Fact]
    public void For_PracticeHasItsOwnTemplate_ItWinsOverTheBuiltIn()
    {
        var review = new Review { Source = "google", ExternalId = "x", Rating = 5 };
        var settings = new PracticeSettings { ReplyTemplates = { [ReplyTemplates.Positive] = "Thanks from all of us at Sunrise!" } };

        Assert.Equal("Thanks from all of us at Sunrise!", ReplyTemplates.For(review, settings));
    }

    [Fact]
    public async Task Settings_ManagerSetsTemplate_TheDraftFormStartsFromIt()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();

        var saved = await bot.CommandAsync("U-owner", "practice set template positive Thank you, from the whole Sunrise team!");
        var form = await bot.PressAsync("U-ann", ReviewActions.Draft, "2");

        Assert.Contains("Saved the `positive` template", CoreHarness.Text(saved), StringComparison.Ordinal);
        var input = Assert.Single(form.Replies).Message.Card!.Blocks.OfType<TextInputBlock>().Single();
        Assert.Equal("Thank you, from the whole Sunrise team!", input.InitialValue);
    }

    [Fact]
    public async Task Settings_TemplateWithPatientInformation_IsRefused()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();

        var result = await bot.CommandAsync("U-owner", "practice set template negative Sorry your visit went badly.");

        Assert.Contains("not saved", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Empty((await db.Practices.SingleAsync()).Settings.ReplyTemplates);
    }

    [Fact]
    public async Task Settings_TemplateWithUnknownKey_ListsTheKeys()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();

        var result = await bot.CommandAsync("U-owner", "practice set template grumpy Hello");

        Assert.Contains("wait-time", CoreHarness.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_ApprovalAll_EvenAFiveStarReplyGoesToTheManagers()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        await bot.CommandAsync("U-owner", "practice set approval all");
        await bot.CommandAsync("U-ann", "review reply 2 Thank you for your kind words!");

        var result = await bot.CommandAsync("U-ann", "review publish 2");

        Assert.Contains("for approval", CoreHarness.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_ApprovalOneStar_ANegativeReviewStillNeedsApproval()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        var changed = await bot.CommandAsync("U-owner", "practice set approval 1");
        await bot.CommandAsync("U-ann", "review reply 1 Thank you for telling us. Please call our office manager.");

        var result = await bot.CommandAsync("U-ann", "review publish 1");

        Assert.Contains("negative reviews always do", CoreHarness.Text(changed), StringComparison.Ordinal);
        Assert.Contains("for approval", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal(1, (await db.Practices.SingleAsync()).Settings.ApprovalAtOrBelowStars);
    }

    [Fact]
    public async Task Settings_ApprovalNonsense_ExplainsAndChangesNothing()
    {
        await using var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();

        var result = await bot.CommandAsync("U-owner", "practice set approval sometimes");

        Assert.Contains("practice set approval 3", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal(3, (await db.Practices.SingleAsync()).Settings.ApprovalAtOrBelowStars);
    }
}
