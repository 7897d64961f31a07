using System.Text.Json.Nodes;
using PracticeBot.Adapters.Slack.Blocks;
using PracticeBot.Adapters.Slack.Interaction;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Core.Conversation.Messages;

namespace PracticeBot.Adapters.Slack.Tests.Blocks;

/// <summary>Neutral messages → Block Kit, against golden JSON and Block Kit's limits.</summary>
public sealed class BlockKitRendererTests
{
    private static readonly OutboundMessage ReviewCard = new(
        "Review #12 from Google: 2 stars",
        Card.Of(
            new HeaderBlock("Review #12 · Google · ★★☆☆☆"),
            new SectionBlock("*J. D.* wrote:\n>The wait was over an hour.", [new CardField("Status", "new"), new CardField("Category", "wait-time")]),
            new ContextBlock(["Arrived 2 h ago", "Respond within 24 h"]),
            new ImageBlock("https://example.com/google.png", "Google"),
            new DividerBlock(),
            new ActionsBlock([
                new CardButton("Claim", "review.claim", "12", ButtonStyle.Primary),
                new CardButton("Draft a reply", "review.draft", "12"),
                new CardButton("Escalate", "review.escalate", "12", ButtonStyle.Danger),
            ])),
        "review:12");

    private static readonly OutboundMessage DraftForm = new(
        "Reply to review #12",
        Card.Of(
            new HeaderBlock("Reply to review #12"),
            new SectionBlock(">The wait was over an hour."),
            new TextInputBlock("reply_text", "Your public reply", Multiline: true, InitialValue: "Thank you for your feedback.", Placeholder: "No patient details"),
            new ActionsBlock([new CardButton("Save draft", "review.draft.submit", "12", ButtonStyle.Primary), new CardButton("Cancel", "review.cancel", "12")])));

    [Fact]
    public void RenderMessage_ReviewCard_MatchesGolden()
    {
        Golden.AssertMatches("blocks/review_card.expected.json", BlockKitRenderer.RenderMessage(ReviewCard));
    }

    [Fact]
    public void RenderModal_DraftForm_MatchesGolden()
    {
        Golden.AssertMatches("blocks/draft_modal.expected.json", BlockKitRenderer.RenderModal(DraftForm, "T0001", "C0001", "1700000000.000100"));
    }

    [Fact]
    public void RenderMessage_DraftFormWithoutModal_KeepsInputInline()
    {
        Golden.AssertMatches("blocks/draft_inline.expected.json", BlockKitRenderer.RenderMessage(DraftForm));
    }

    [Fact]
    public void RenderModal_DraftForm_MetadataReadsBackAsSubmitAction()
    {
        var view = BlockKitRenderer.RenderModal(DraftForm, "T0001", "C0001", null);

        var metadata = ModalMetadata.TryRead((string?)view["private_metadata"]);

        Assert.Equal(new ModalMetadata("T0001", "C0001", null, "review.draft.submit", "12"), metadata);
    }

    [Fact]
    public void RenderMessage_LinkButton_CarriesTheUrlAndAnUnsafeLinkIsLeftOut()
    {
        var message = new OutboundMessage("r", Card.Of(new ActionsBlock(
        [
            new CardButton("Open", "review.open", "12", Url: "https://g.page/r/abc"),
            new CardButton("Bad", "review.open", "13", Url: "javascript:alert(1)"),
        ])));

        var elements = BlockKitRenderer.RenderMessage(message)["blocks"]![0]!["elements"]!.AsArray();

        var button = Assert.Single(elements)!;
        Assert.Equal("https://g.page/r/abc", (string?)button["url"]);
    }

    [Fact]
    public void RenderMessage_PlainText_HasNoBlocks()
    {
        var json = BlockKitRenderer.RenderMessage(OutboundMessage.Plain("Hello <@U1|ann> & welcome"));

        Assert.Equal(["text"], json.Select(p => p.Key));
        Assert.Equal("Hello <@U1|ann> & welcome", (string?)json["text"]);
    }

    [Fact]
    public void RenderMessage_SixtyBlocks_FortyNinePlusSummary()
    {
        var blocks = Enumerable.Range(1, 60).Select(i => (CardBlock)new SectionBlock($"Line {i}")).ToList();

        var rendered = Blocks(BlockKitRenderer.RenderMessage(new OutboundMessage("many", new Card(blocks))));

        Assert.Equal(BlockKitLimits.MessageBlocks, rendered.Count);
        Assert.Equal("Line 49", (string?)rendered[48]!["text"]!["text"]);
        Assert.Equal("…and 11 more not shown here.", (string?)rendered[49]!["elements"]![0]!["text"]);
    }

    [Fact]
    public void RenderModal_HundredTwentyBlocks_CappedAtHundred()
    {
        var blocks = Enumerable.Range(1, 120).Select(i => (CardBlock)new SectionBlock($"Line {i}")).Append(new TextInputBlock("x", "X")).ToList();

        var view = BlockKitRenderer.RenderModal(new OutboundMessage("form", new Card(blocks)), "T", "C", null);

        Assert.Equal(BlockKitLimits.ViewBlocks, view["blocks"]!.AsArray().Count);
    }

    [Fact]
    public void RenderMessage_OversizedTexts_TruncatedWithEllipsis()
    {
        var longText = new string('a', 5000);
        var card = Card.Of(
            new HeaderBlock(longText),
            new SectionBlock(longText, Enumerable.Range(1, 14).Select(i => new CardField($"F{i}", longText)).ToList()),
            new ContextBlock(Enumerable.Range(1, 12).Select(i => $"c{i}").ToList()),
            new ActionsBlock([new CardButton(longText, "review.claim", "12")]),
            new TextInputBlock("reply_text", longText, true, longText, longText));

        var rendered = Blocks(BlockKitRenderer.RenderMessage(new OutboundMessage(new string('t', 50000), card)));
        var message = BlockKitRenderer.RenderMessage(new OutboundMessage(new string('t', 50000), card));

        Assert.Equal(BlockKitLimits.MessageText, ((string)message["text"]!).Length);
        AssertCut((string)rendered[0]!["text"]!["text"]!, BlockKitLimits.HeaderText);
        AssertCut((string)rendered[1]!["text"]!["text"]!, BlockKitLimits.SectionText);
        var fields = rendered[1]!["fields"]!.AsArray();
        Assert.Equal(BlockKitLimits.SectionFields, fields.Count);
        AssertCut((string)fields[0]!["text"]!, BlockKitLimits.FieldText);
        Assert.Equal("…and 5 more", (string?)fields[9]!["text"]);
        var context = rendered[2]!["elements"]!.AsArray();
        Assert.Equal(BlockKitLimits.ContextElements, context.Count);
        Assert.Equal("c10 · c11 · c12", (string?)context[9]!["text"]);
        AssertCut((string)rendered[3]!["elements"]![0]!["text"]!["text"]!, BlockKitLimits.ButtonText);
        AssertCut((string)rendered[4]!["label"]!["text"]!, BlockKitLimits.InputLabel);
        AssertCut((string)rendered[4]!["element"]!["initial_value"]!, BlockKitLimits.InputInitialValue);
        AssertCut((string)rendered[4]!["element"]!["placeholder"]!["text"]!, BlockKitLimits.InputPlaceholder);
    }

    [Fact]
    public void RenderMessage_ButtonsPastLimits_LeftOut()
    {
        var buttons = new List<CardButton>
        {
            new("Too long an id", new string('x', 256), "1"),
            new("Too long a value", "ok.action", new string('9', 2001)),
            new("", "empty.text", "1"),
        };
        buttons.AddRange(Enumerable.Range(1, 30).Select(i => new CardButton($"B{i}", "review.claim", $"{i}")));

        var actions = Blocks(BlockKitRenderer.RenderMessage(new OutboundMessage("b", Card.Of(new ActionsBlock(buttons)))))[0]!["elements"]!.AsArray();

        Assert.Equal(BlockKitLimits.ActionsElements, actions.Count);
        Assert.Equal("review.claim", (string?)actions[0]!["action_id"]);
        Assert.Equal("review.claim#2", (string?)actions[1]!["action_id"]);
        Assert.Equal(actions.Count, actions.Select(a => (string?)a!["action_id"]).Distinct().Count());
    }

    [Fact]
    public void RenderMessage_EmptyBlocks_Omitted()
    {
        var card = Card.Of(new HeaderBlock(" "), new SectionBlock(""), new ContextBlock([""]), new ImageBlock("not a url", "x"), new ActionsBlock([]), new DividerBlock());

        var rendered = Blocks(BlockKitRenderer.RenderMessage(new OutboundMessage("", card)));

        Assert.Equal(["divider"], rendered.Select(b => (string?)b!["type"]));
    }

    [Fact]
    public void Truncate_Emoji_NeverSplitsSurrogatePair()
    {
        var cut = BlockKitLimits.Truncate("ab😀cd", 4);

        Assert.Equal("ab…", cut);
    }

    [Fact]
    public void RenderModal_LongTitle_CutToTwentyFour()
    {
        var form = new OutboundMessage("f", Card.Of(new HeaderBlock("Reply to the review number 123456 from Google"), new TextInputBlock("x", "X")));

        var view = BlockKitRenderer.RenderModal(form, "T", "C", null);

        AssertCut((string)view["title"]!["text"]!, BlockKitLimits.ViewTitle);
        Assert.Null(view["submit"]);
    }

    private static JsonArray Blocks(JsonObject message) => message["blocks"]!.AsArray();

    private static void AssertCut(string text, int max)
    {
        Assert.Equal(max, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }
}
