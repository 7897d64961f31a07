using System.Text.Json;
using System.Text.Json.Nodes;
using PracticeBot.Adapters.Slack.Events;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Core.Conversation.Events;

namespace PracticeBot.Adapters.Slack.Tests.Events;

/// <summary>Slack payloads (<c>Payloads/inbound/*.json</c>) → neutral events (<c>*.expected.json</c>).</summary>
public sealed class SlackEventMapperGoldenTests
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData("slash_commands", "slash_review_claim_mention")]
    [InlineData("slash_commands", "slash_review_help")]
    [InlineData("slash_commands", "slash_practice_help")]
    [InlineData("slash_commands", "slash_enterprise")]
    [InlineData("interactive", "block_actions_claim")]
    [InlineData("interactive", "block_actions_with_inputs")]
    [InlineData("interactive", "view_submission_draft")]
    [InlineData("interactive", "view_closed")]
    [InlineData("events_api", "app_mention_in_thread")]
    [InlineData("events_api", "app_mention_without_authorizations")]
    [InlineData("events_api", "member_joined_bot")]
    [InlineData("events_api", "member_joined_person")]
    public void Map_SlackPayload_MatchesGolden(string envelopeType, string name)
    {
        using var payload = JsonDocument.Parse(Golden.Read($"inbound/{name}.json"));

        var request = SlackRequestParser.ParseEnvelopePayload(envelopeType, payload.RootElement);
        BotEvent? mapped = request switch
        {
            SlashCommand c => SlackEventMapper.ToCommand(c),
            SlackInteraction i => SlackEventMapper.ToAction(i),
            SlackEventCallback e => SlackEventMapper.ToEvent(e, SlackEventMapper.BotUserIdOf(e)),
            _ => null,
        };

        var actual = mapped is null ? null : new JsonObject
        {
            ["kind"] = mapped.GetType().Name,
            ["event"] = JsonSerializer.SerializeToNode(mapped, mapped.GetType(), Options),
        };
        Golden.AssertMatches($"inbound/{name}.expected.json", actual);
    }

    /// <summary>Found by the endpoint fuzzer: unreadable text inside a string threw when the string was read, after the ack (a 500, or a crashed background task).</summary>
    [Theory]
    [InlineData("application/json", "{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"team_id\":\"T1\",\"event\":{\"type\":\"app_mention\",\"text\":\"\\uD800\"}}")]
    [InlineData("application/x-www-form-urlencoded", "payload=%7B%22type%22%3A%22block_actions%22%2C%22x%22%3A%22%5CuDFFF%22%7D")]
    public void ParseHttp_LoneSurrogateInAString_IsNull(string contentType, string body)
    {
        Assert.Null(SlackRequestParser.ParseHttp(contentType, System.Text.Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void ParseHttp_InvalidUtf8InAString_IsNull()
    {
        byte[] body = [.. "{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"app_mention\",\"text\":\""u8, 0xC3, 0x28, .. "\"}}"u8];

        Assert.Null(SlackRequestParser.ParseHttp("application/json", body));
    }

    /// <summary>Found by the endpoint fuzzer: parts of a payload of the wrong JSON type threw instead of being ignored.</summary>
    [Theory]
    [InlineData("{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"team_id\":\"T1\",\"event\":{\"type\":\"member_joined_channel\"},\"authorizations\":[\"U1\",7]}")]
    public void BotUserIdOf_AuthorizationsNotObjects_IsNull(string json)
    {
        var callback = Assert.IsType<SlackEventCallback>(SlackRequestParser.ParseHttp("application/json", System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Null(SlackEventMapper.BotUserIdOf(callback));
    }

    [Theory]
    [InlineData("{\"type\":\"view_submission\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T1\"},\"view\":\"VIEW\"}")]
    [InlineData("{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T1\"},\"actions\":[\"claim\"]}")]
    public void ToAction_PartsOfTheWrongType_IsNull(string json)
    {
        using var payload = JsonDocument.Parse(json);
        var interaction = Assert.IsType<SlackInteraction>(SlackRequestParser.ParseEnvelopePayload("interactive", payload.RootElement));

        Assert.Null(SlackEventMapper.ToAction(interaction));
    }

    [Fact]
    public void ToEvent_MentionFromABot_Ignored()
    {
        var inner = new JsonObject
        {
            ["type"] = "app_mention", ["user"] = "U0OTHERBOT", ["bot_id"] = "B0OTHER", ["text"] = "<@U0BOT> help",
            ["ts"] = "1.1", ["channel"] = "C1",
        };
        using var payload = JsonDocument.Parse(new JsonObject
        {
            ["type"] = "event_callback", ["team_id"] = "T1", ["event_id"] = "Ev1", ["event"] = inner,
        }.ToJsonString());

        var callback = (SlackEventCallback)SlackRequestParser.ParseEnvelopePayload("events_api", payload.RootElement)!;

        Assert.Null(SlackEventMapper.ToEvent(callback, "U0BOT"));
    }

    [Theory]
    [InlineData("<@U0BOT> review claim 3", "U0BOT", "review claim 3")]
    [InlineData("<@U0BOT|practicebot>   review   ", "U0BOT", "review")]
    [InlineData("hey <@U0BOT> review", "U0BOT", "hey review")]
    [InlineData("<@U0BOT> review claim 3 <@U0ANN|ann>", "U0BOT", "review claim 3 <@U0ANN|ann>")]
    [InlineData("<@U0BOT> review", null, "review")]
    [InlineData("review <@U0ANN>", null, "review <@U0ANN>")]
    public void StripBotMention_Text_KeepsOtherMentions(string text, string? bot, string expected)
    {
        Assert.Equal(expected, SlackText.StripBotMention(text, bot));
    }

    [Theory]
    [InlineData("a &amp; b", "a & b")]
    [InlineData("wait &lt; 10 min &gt; ok", "wait < 10 min > ok")]
    [InlineData("&lt;@U0FAKE&gt; typed by hand", "&lt;@U0FAKE> typed by hand")]
    [InlineData("&lt;!channel&gt;", "&lt;!channel>")]
    [InlineData("<@U024BE7LH|ann>", "<@U024BE7LH|ann>")]
    [InlineData("&amp;lt;", "&lt;")]
    public void Unescape_SlackText_OnlySlackMakesMentions(string text, string expected)
    {
        Assert.Equal(expected, SlackText.Unescape(text));
    }
}
