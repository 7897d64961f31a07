using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Fuzzing;

/// <summary>
/// What no text from outside may become once the bot has posted it: a Slack control sequence (a channel-wide ping, a
/// user mention, a disguised link) in any text Slack parses, or a markdown link or mention in any Teams text.
/// </summary>
public static partial class MarkupChecks
{
    /// <summary>The markup cases of the hostile-input suite: what a review, an author or a source might say.</summary>
    public static readonly string[] Cases =
    [
        "<!channel>", "<!here>", "<@U123>", "<https://evil.example|Verify your listing>", "[Verify](https://evil.example)", "**bold**",
        "<at>Ann</at>", "\uFDD1<!channel>\uFDD0",
    ];

    /// <summary>Every mrkdwn text and message <c>text</c> Slack was sent that holds a control sequence the bot never writes.</summary>
    public static IEnumerable<string> SlackViolations(HostileHost host) => host.Slack.Calls
        .Where(c => c.Method is "chat.postMessage" or "chat.update" or "chat.postEphemeral")
        .SelectMany(c => Mrkdwn(c.Body).Prepend(c.Get("text") ?? ""))
        .Where(text => SlackControl().IsMatch(text));

    /// <summary>Every Teams text (card or message) the connector was sent that links to or mentions what only outside text says.</summary>
    public static IEnumerable<string> TeamsViolations(HostileHost host) => TeamsTexts(host).Where(text => TeamsMarkup().IsMatch(text));

    /// <summary>Every string of every activity sent to or updated on the connector, as Teams reads it.</summary>
    public static IEnumerable<string> TeamsTexts(HostileHost host) => host.Teams.Calls
        .Where(c => c.Method is "POST" or "PUT" && c.Path.Contains("/activities", StringComparison.Ordinal) && c.Body.Length > 0)
        .SelectMany(c => Strings(c.Json));

    /// <summary>The texts Slack parses for control sequences (<c>plain_text</c> is shown as written).</summary>
    private static IEnumerable<string> Mrkdwn(JsonNode? node) => node switch
    {
        JsonObject obj when (string?)obj["type"] == "mrkdwn" && obj["text"] is JsonValue value && value.TryGetValue<string>(out var text) => [text],
        JsonObject obj => obj.SelectMany(p => Mrkdwn(p.Value)),
        JsonArray array => array.SelectMany(Mrkdwn),
        _ => [],
    };

    /// <summary>
    /// Every string Teams may show, so not identifiers: a reply's <c>replyToId</c> is the id of the activity it answers,
    /// which a hostile sender chooses (the fuzzer once sent a markdown link as one), and Teams never renders it.
    /// </summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Where(p => !IsIdentifier(p.Key)).SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    private static bool IsIdentifier(string key) => key == "id" || key.EndsWith("Id", StringComparison.Ordinal);

    /// <summary>Sequences the bot itself never writes: special mentions, the test's user id, links to the evil host.</summary>
    [GeneratedRegex(@"<!(channel|here|everyone)|<@U123\b|<https?://evil\.example", RegexOptions.CultureInvariant)]
    private static partial Regex SlackControl();

    /// <summary>An unescaped markdown link to the evil host, unescaped bold stars around "bold", or an <c>&lt;at&gt;</c> mention.</summary>
    [GeneratedRegex(@"(?<!\\)\]\((?=https?://evil\.example)|(?<!\\)\*(?<!\\\*)\*bold|(?<!\\)<at>", RegexOptions.CultureInvariant)]
    private static partial Regex TeamsMarkup();
}
