using System.Text.Json.Nodes;
using PracticeBot.Adapters.Teams.Protocol;
using PracticeBot.Adapters.Teams.Rendering;
using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Reviews;

namespace PracticeBot.Adapters.Teams.Tests.Rendering;

public sealed class AdaptiveCardRendererTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Goldens => ["review-card", "reply-form", "plain-text", "card-with-chart"];

    private static readonly byte[] TinyPng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private static readonly OutboundFile Chart = new("checkin-2026-W48.png", "image/png", TinyPng, "Chart of the last 8 weeks");

    [Theory]
    [MemberData(nameof(Goldens))]
    public void Render_NeutralMessage_MatchesGolden(string name)
    {
        var activity = ActivityRenderer.Render(Message(name));

        Golden.AssertMatches($"Cards/{name}.json", Golden.Serialize(activity, TeamsJson.Options));
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
    public void Render_CardWithALargePng_ImageIsItsOwnAttachmentAndTheCardStaysWithin28Kb()
    {
        var png = new byte[60 * 1024];
        TinyPng.CopyTo(png, 0);
        var message = new OutboundMessage("Weekly check-in", Card.Of(new SectionBlock("*3* new reviews"))) with
        {
            Files = [Chart with { Content = png }],
        };

        var activity = ActivityRenderer.Render(message);

        Assert.Equal(2, activity.Attachments!.Count);
        var card = activity.Attachments[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
        Assert.True(AdaptiveCardRenderer.Size(card.Content!.AsObject()) <= 28 * 1024);
        Assert.DoesNotContain("base64", card.Content!.ToJsonString(), StringComparison.Ordinal);
        var image = activity.Attachments[1];
        Assert.Equal(("image/png", "checkin-2026-W48.png"), (image.ContentType, image.Name));
        Assert.StartsWith("data:image/png;base64,", image.ContentUrl, StringComparison.Ordinal);
        Assert.Equal(png, Convert.FromBase64String(image.ContentUrl!["data:image/png;base64,".Length..]));
    }

    [Fact]
    public void Render_PlainTextWithAFile_KeepsTheTextAndAttachesTheImage()
    {
        var activity = ActivityRenderer.Render(OutboundMessage.Plain("Your digest") with { Files = [Chart] });

        Assert.Equal("Your digest", activity.Text);
        var image = Assert.Single(activity.Attachments!);
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(TinyPng), image.ContentUrl);
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
        "card-with-chart" => new OutboundMessage("Sunrise — weekly check-in", Card.Of(new HeaderBlock("Sunrise — weekly check-in"), new SectionBlock("*3* new reviews")))
            with { Files = [Chart] },
        _ => OutboundMessage.Plain("You claimed review *#12*. Next: `review reply 12`."),
    };
}
