using System.Text;
using System.Text.RegularExpressions;
using PracticeBot.Adapters.Teams.Protocol;

namespace PracticeBot.Adapters.Teams.Inbound;

/// <summary>
/// Teams message text → the core's text: the bot's own <c>&lt;at&gt;…&lt;/at&gt;</c> removed, other people's mentions
/// turned into the neutral <c>&lt;@id|name&gt;</c> using the activity's mention entities, leftover markup dropped.
/// </summary>
public static partial class MentionText
{
    public static string Normalize(string? text, IReadOnlyList<Entity>? entities, string? botId)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var result = new StringBuilder(text);
        foreach (var mention in entities ?? [])
        {
            if (!string.Equals(mention.Type, "mention", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(mention.Text) || mention.Mentioned?.Id is not { } id)
            {
                continue;
            }

            var isBot = botId is not null && string.Equals(id, botId, StringComparison.OrdinalIgnoreCase);
            var name = StripTags(mention.Text).Trim();
            result.Replace(mention.Text, isBot ? "" : $"<@{id}|{mention.Mentioned.Name ?? name}>");
        }

        // A mention without an entity (or of the bot in a client that sent none) is not a person we can name.
        var cleaned = AtTag().Replace(result.ToString(), "");
        return System.Net.WebUtility.HtmlDecode(Whitespace().Replace(cleaned, " ")).Trim();
    }

    private static string StripTags(string text) => AnyTag().Replace(text, "");

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtTag();

    [GeneratedRegex("<[^>@]+>", RegexOptions.CultureInvariant)]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[ \t\u00a0]+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
