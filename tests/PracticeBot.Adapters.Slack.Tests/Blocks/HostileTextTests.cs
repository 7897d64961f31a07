using System.Text.Json.Nodes;
using PracticeBot.Adapters.Slack.Blocks;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Reviews;

namespace PracticeBot.Adapters.Slack.Tests.Blocks;

/// <summary>Text from outside (a review and its author) rendered for Slack: shown as written, never as a ping or a link.</summary>
public sealed class HostileTextTests
{
    public const string HostileText =
        "<!channel> <!here> <@U123> <https://evil.example|Verify your listing> [Verify](https://evil.example) **bold** & done";

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    public static OutboundMessage HostileCard() => ReviewCards.Card(
        new Review
        {
            Number = 12, Source = "<!here>", ExternalId = "x-12", Rating = 1, Author = "<@U123>", Location = "<https://evil.example|Main St>",
            Text = HostileText, Status = ReviewStatus.New, CreatedAt = Now.AddHours(-2), ReceivedAt = Now.AddHours(-2),
        },
        claimedBy: null,
        Now);

    [Fact]
    public void RenderMessage_HostileReviewCard_MatchesGolden()
    {
        Golden.AssertMatches("blocks/hostile_review_card.expected.json", BlockKitRenderer.RenderMessage(HostileCard()));
    }

    [Fact]
    public void RenderMessage_HostileReviewCard_HasNoControlSequenceInAnyMrkdwn()
    {
        var body = BlockKitRenderer.RenderMessage(HostileCard());
        var json = string.Join("\n", Mrkdwn(body).Prepend((string)body["text"]!));

        Assert.DoesNotContain("<!channel>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U123>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<https://evil.example", json, StringComparison.Ordinal);
        Assert.DoesNotContain(OutsideText.Open.ToString(), json, StringComparison.Ordinal);
        Assert.DoesNotContain(OutsideText.Close.ToString(), json, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderMessage_BotMarkupAroundOutsideText_KeepsTheBotsMarkupAndEscapesOnlyTheOutsideText()
    {
        var message = new OutboundMessage(
            $"From {OutsideText.Mark("<!channel>")}",
            Card.Of(new SectionBlock($"*Reply by <@U1>*\n{OutsideText.Mark("Thanks & <https://evil.example|see here>")}")));

        var body = BlockKitRenderer.RenderMessage(message);

        Assert.Equal("From &lt;!channel&gt;", (string?)body["text"]);
        Assert.Equal("*Reply by <@U1>*\nThanks &amp; &lt;https://evil.example|see here&gt;", (string?)body["blocks"]![0]!["text"]!["text"]);
    }

    [Fact]
    public void RenderMessage_OutsideTextInPlainTextFields_IsShownAsWrittenWithoutMarks()
    {
        var message = new OutboundMessage("x", Card.Of(
            new HeaderBlock($"#1 · {OutsideText.Mark("<b>&")}"),
            new ActionsBlock([new CardButton(OutsideText.Mark("Open <it>"), "review.open", "1")])));

        var blocks = BlockKitRenderer.RenderMessage(message)["blocks"]!;

        Assert.Equal("#1 · <b>&", (string?)blocks[0]!["text"]!["text"]);
        Assert.Equal("Open <it>", (string?)blocks[1]!["elements"]![0]!["text"]!["text"]);
    }

    [Theory]
    [InlineData("<!channel>", "&lt;!channel&gt;")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("&lt;already", "&amp;lt;already")]
    [InlineData("*bold* _it_ ~s~ `c`", "*bold* _it_ ~s~ `c`")]
    public void Escape_OutsideText_EscapesSlacksControlCharacters(string outside, string expected) =>
        Assert.Equal(expected, SlackMrkdwn.Escape(outside));

    /// <summary>
    /// The texts Slack parses for control sequences: every <c>mrkdwn</c> text object (<c>plain_text</c> is shown as
    /// written, <c>&lt;!here&gt;</c> and all), as Slack reads them (no JSON escaping to hide a character behind).
    /// </summary>
    private static IEnumerable<string> Mrkdwn(JsonNode? node) => node switch
    {
        JsonObject obj when (string?)obj["type"] == "mrkdwn" => [(string)obj["text"]!],
        JsonObject obj => obj.SelectMany(p => Mrkdwn(p.Value)),
        JsonArray array => array.SelectMany(Mrkdwn),
        _ => [],
    };
}
