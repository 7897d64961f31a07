using System.Text.Json.Nodes;
using PracticeBot.Adapters.Teams.Rendering;
using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Reviews;

namespace PracticeBot.Adapters.Teams.Tests.Rendering;

public sealed class AdaptiveCardRendererTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Goldens => ["review-card", "reply-form", "plain-text"];

    [Theory]
    [MemberData(nameof(Goldens))]
    public void Render_NeutralMessage_MatchesGolden(string name)
    {
        var activity = ActivityRenderer.Render(Message(name));

        Golden.AssertMatches($"Cards/{name}.json", Golden.Serialize(activity));
    }

    [Fact]
    public void Render_HugeCard_StaysWithin28KbAndSaysItWasShortened()
    {
        var blocks = Enumerable.Range(1, 300).Select(i => (CardBlock)new SectionBlock($"*#{i}* " + new string('x', 300))).ToList();

        var card = AdaptiveCardRenderer.Render(new Card(blocks));

        Assert.True(AdaptiveCardRenderer.Size(card) <= 28 * 1024, $"{AdaptiveCardRenderer.Size(card)} bytes");
        var body = card["body"]!.AsArray();
        Assert.Equal(AdaptiveCardRenderer.TruncatedNotice, (string?)body[^1]!["text"]);
        Assert.InRange(body.Count, 10, 299);
        Assert.Equal("**#1** " + new string('x', 300), (string?)body[0]!["text"]);
    }

    [Fact]
    public void Render_Button_IsActionExecuteWithVerbAndValue()
    {
        var card = AdaptiveCardRenderer.Render(Card.Of(new ActionsBlock([new CardButton("Claim", ReviewActions.Claim, "12", ButtonStyle.Primary)])));

        var action = card["body"]![0]!["actions"]![0]!;
        Assert.Equal(("Action.Execute", ReviewActions.Claim, "12", "positive"),
            ((string?)action["type"], (string?)action["verb"], (string?)action["data"]!["value"], (string?)action["style"]));
    }

    [Fact]
    public void Render_LinkButton_IsActionOpenUrl()
    {
        var card = AdaptiveCardRenderer.Render(Card.Of(new ActionsBlock([new CardButton("Open", ReviewActions.Open, "12", Url: "https://g.page/r/abc")])));

        var action = card["body"]![0]!["actions"]![0]!;
        Assert.Equal(("Action.OpenUrl", "https://g.page/r/abc", "Open"), ((string?)action["type"], (string?)action["url"], (string?)action["title"]));
    }

    [Theory]
    [InlineData("*bold* and <https://x.example|a link>", "**bold** and [a link](https://x.example)")]
    [InlineData("ask <@29:ann|Ann Lee> to `review claim 3`", "ask Ann Lee to \"review claim 3\"")]
    [InlineData("2*3*4 stays", "2*3*4 stays")]
    public void Convert_SlackMarkdown_BecomesTeamsMarkdown(string input, string expected) =>
        Assert.Equal(expected, TeamsMarkdown.Convert(input));

    private static OutboundMessage Message(string name) => name switch
    {
        "review-card" => ReviewCards.Card(
            new Review
            {
                Number = 12, Source = "google", ExternalId = "g-12", Rating = 2, Author = "Maria G.", Location = "Main St office",
                Text = "Waited over an hour past my appointment time.", Category = "wait-time", Status = ReviewStatus.New,
                CreatedAt = Now.AddHours(-5), ReceivedAt = Now.AddHours(-5),
            },
            claimedBy: null,
            Now),
        "reply-form" => new OutboundMessage("Draft a reply to review #12", Card.Of(
            new HeaderBlock("Reply to review #12"),
            new DividerBlock(),
            new ImageBlock("https://practicebot.example.com/stars/2.png", "2 stars"),
            new TextInputBlock(ReviewActions.DraftInput, "Your reply", Multiline: true, InitialValue: "Thank you for your feedback.", Placeholder: "Write the public reply"),
            new ContextBlock(["No patient details: not even that they are a patient."]),
            new ActionsBlock([new CardButton("Save draft", ReviewActions.SubmitDraft, "12", ButtonStyle.Primary), new CardButton("Cancel", "review.draft.cancel", "12", ButtonStyle.Danger)]))),
        _ => OutboundMessage.Plain("You claimed review *#12*. Next: `review reply 12`."),
    };
}
