using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Reviews;

namespace PracticeBot.Core.Tests.Reviews;

/// <summary>The review card (pure): what a surfaced review shows at a glance.</summary>
public sealed class ReviewCardsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private static Review Sample(Action<Review>? change = null)
    {
        var review = new Review
        {
            Number = 12,
            Source = "healthgrades",
            ExternalId = "hg-1",
            Rating = 1,
            Author = "J. D.",
            Text = "Waited an hour and the front desk was rude.",
            Url = "https://www.healthgrades.com/r/1",
            Location = "Main St office",
            CreatedAt = Now.AddHours(-3),
            Status = ReviewStatus.New,
            Urgent = true,
            Categories = ["wait-time", "front-office"],
            Category = "wait-time",
        };
        change?.Invoke(review);
        return review;
    }

    [Fact]
    public void Card_NewUrgentReview_ShowsBadgeCategoriesLocationDateAndClaimEscalateOpen()
    {
        var card = ReviewCards.Card(Sample(), null, Now);

        var text = PlainTextRenderer.Render(card);
        Assert.Contains("#12 · ★☆☆☆☆ · Healthgrades · URGENT", text, StringComparison.Ordinal);
        Assert.Contains("About: wait time, front office", text, StringComparison.Ordinal);
        Assert.Contains("Location: Main St office", text, StringComparison.Ordinal);
        Assert.Contains("written 2026-11-23 (3 h ago)", text, StringComparison.Ordinal);
        var buttons = card.Card!.Blocks.OfType<ActionsBlock>().Single().Buttons;
        Assert.Equal([ReviewActions.Claim, ReviewActions.Escalate, ReviewActions.Open], buttons.Select(b => b.ActionId));
        Assert.Equal("https://www.healthgrades.com/r/1", buttons[2].Url);
    }

    [Fact]
    public void Card_PositiveWithoutUrl_OnlyClaim()
    {
        var card = ReviewCards.Card(Sample(r => (r.Rating, r.Urgent, r.Url) = (5, false, null)), null, Now);

        Assert.Equal([ReviewActions.Claim], card.Card!.Blocks.OfType<ActionsBlock>().Single().Buttons.Select(b => b.ActionId));
        Assert.DoesNotContain("URGENT", PlainTextRenderer.Render(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Card_LongEditedAbusiveReview_TrimsTextAndSaysEditedAndAdvisesReporting()
    {
        var card = ReviewCards.Card(Sample(r => (r.Text, r.Edited, r.SuspectedAbuse) = (new string('a', 2000), true, true)), null, Now);

        var text = PlainTextRenderer.Render(card);
        var section = card.Card!.Blocks.OfType<SectionBlock>().First().Text;
        Assert.StartsWith(OutsideText.Mark(new string('a', ReviewCards.CardTextLength)) + "…", section, StringComparison.Ordinal);
        Assert.Contains("Open shows the whole review", section, StringComparison.Ordinal);
        Assert.Contains("edited by the reviewer", text, StringComparison.Ordinal);
        Assert.Contains("reporting it to the platform", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Card_HostileReview_MarksEverythingTheReviewBroughtAsOutsideText()
    {
        var review = Sample(r => (r.Text, r.Author, r.Location, r.Source) = ("<!channel> call us", "<@U123>", "[Verify](https://evil.example)", "<!here>"));

        var card = ReviewCards.Card(review, null, Now);

        var blocks = card.Card!.Blocks;
        Assert.Equal(OutsideText.Mark("<!channel> call us"), blocks.OfType<SectionBlock>().Single().Text);
        var fields = blocks.OfType<SectionBlock>().Single().Fields!;
        Assert.Equal(OutsideText.Mark("<@U123>"), fields.Single(f => f.Label == "From").Value);
        Assert.Equal(OutsideText.Mark("[Verify](https://evil.example)"), fields.Single(f => f.Label == "Location").Value);
        Assert.Contains(OutsideText.Mark("<!here>"), blocks.OfType<HeaderBlock>().Single().Text, StringComparison.Ordinal);
        Assert.Contains(OutsideText.Mark("<!here>"), card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_HostileReview_MarksTheExcerpt()
    {
        var line = ReviewCards.Line(Sample(r => r.Text = "<https://evil.example|Verify your listing>"), null, Now);

        Assert.Contains($"“{OutsideText.Mark("<https://evil.example|Verify your listing>")}”", line, StringComparison.Ordinal);
    }
}
