using System.Text.Json.Nodes;
using PracticeBot.Adapters.Teams.Protocol;
using PracticeBot.Adapters.Teams.Rendering;
using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Reviews;

namespace PracticeBot.Adapters.Teams.Tests.Rendering;

/// <summary>Text from outside (a review and its author) rendered for Teams: shown as written, never as a link or formatting.</summary>
public sealed class HostileTextTests
{
    public const string HostileText =
        "<!channel> <!here> <@U123> <https://evil.example|Verify your listing> [Verify](https://evil.example) **bold** <at>Ann</at>";

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private static OutboundMessage HostileCard() => ReviewCards.Card(
        new Review
        {
            Number = 12, Source = "<!here>", ExternalId = "x-12", Rating = 1, Author = "[Ann](https://evil.example)", Location = "# Main _St_",
            Text = HostileText + "\n- listed\n2. numbered", Status = ReviewStatus.New, CreatedAt = Now.AddHours(-2), ReceivedAt = Now.AddHours(-2),
        },
        claimedBy: null,
        Now);

    [Fact]
    public void Render_HostileReviewCard_MatchesGolden()
    {
        Golden.AssertMatches("Cards/hostile-review-card.json", Golden.Serialize(ActivityRenderer.Render(HostileCard()), TeamsJson.Options));
    }

    [Fact]
    public void Render_HostileReviewCard_HasNoMarkdownLinkAnywhere()
    {
        var json = string.Join("\n", Strings(JsonNode.Parse(Golden.Serialize(ActivityRenderer.Render(HostileCard()), TeamsJson.Options))));

        Assert.DoesNotContain("[Verify your listing](https://evil.example)", json, StringComparison.Ordinal);
        Assert.DoesNotContain("[Verify](https://evil.example)", json, StringComparison.Ordinal);
        Assert.DoesNotContain("[Ann](https://evil.example)", json, StringComparison.Ordinal);
        Assert.DoesNotContain("**bold**", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<at>", json, StringComparison.Ordinal);
        Assert.DoesNotContain(OutsideText.Open.ToString(), json, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_BotMarkupAroundOutsideText_TranslatesTheBotsMarkupAndEscapesOnlyTheOutsideText()
    {
        var text = $"*{OutsideText.Mark("Sunrise *Clinic*")}* — see <https://practice.example|the settings> for {OutsideText.Mark("<https://evil.example|Verify>")}";

        var converted = TeamsMarkdown.Convert(text);

        Assert.Equal(@"**Sunrise \*Clinic\*** — see [the settings](https://practice.example) for \<https://evil.example\|Verify\>", converted);
    }

    [Fact]
    public void Render_PlainMessageWithOutsideText_EscapesItAndKeepsTheSummaryPlain()
    {
        var message = new OutboundMessage($"Note: {OutsideText.Mark("[Verify](https://evil.example)")}", Card.Of(new SectionBlock("x")));

        var activity = ActivityRenderer.Render(message);
        var plain = ActivityRenderer.Render(OutboundMessage.Plain(message.Text));

        Assert.Equal("Note: [Verify](https://evil.example)", activity.Summary);
        Assert.Equal(@"Note: \[Verify\]\(https://evil.example\)", plain.Text);
    }

    [Theory]
    [InlineData("**bold** _it_", @"\*\*bold\*\* \_it\_")]
    [InlineData("[t](https://e.example)", @"\[t\]\(https://e.example\)")]
    [InlineData("<at>Ann</at>", @"\<at\>Ann\</at\>")]
    [InlineData("- item\n+ item\n 12. item\nv1.2 - fine", "\\- item\n\\+ item\n 12\\. item\nv1.2 - fine")]
    [InlineData("# heading", @"\# heading")]
    [InlineData(@"a\b", @"a\\b")]
    public void Escape_OutsideText_EscapesAdaptiveCardMarkdown(string outside, string expected) =>
        Assert.Equal(expected, TeamsMarkdown.Escape(outside));

    /// <summary>Every string value of the activity, as Teams reads it (no JSON escaping to hide a character behind).</summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };
}
