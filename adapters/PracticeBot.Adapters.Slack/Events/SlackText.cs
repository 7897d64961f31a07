using System.Text;
using System.Text.RegularExpressions;

namespace PracticeBot.Adapters.Slack.Events;

/// <summary>Slack's message text conventions: HTML-escaped <c>&amp; &lt; &gt;</c> and <c>&lt;@U…|name&gt;</c> mentions.</summary>
public static partial class SlackText
{
    /// <summary>
    /// Undoes Slack's escaping of <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> so people's text reads as they typed it,
    /// except where it would turn typed characters into a mention or link (<c>&lt;@</c>, <c>&lt;#</c>, <c>&lt;!</c>):
    /// only Slack itself may make those. Mentions Slack made (<c>&lt;@U1|ann&gt;</c>) are already the neutral form.
    /// </summary>
    public static string Unescape(string text)
    {
        if (!text.Contains('&', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '&')
            {
                var rest = text.AsSpan(i);
                if (rest.StartsWith("&lt;") && !(rest.Length > 4 && rest[4] is '@' or '#' or '!'))
                {
                    result.Append('<');
                    i += 3;
                    continue;
                }

                if (rest.StartsWith("&gt;"))
                {
                    result.Append('>');
                    i += 3;
                    continue;
                }

                if (rest.StartsWith("&amp;"))
                {
                    result.Append('&');
                    i += 4;
                    continue;
                }
            }

            result.Append(text[i]);
        }

        return result.ToString();
    }

    /// <summary>Removes every mention of <paramref name="botUserId"/>, or, when it is unknown, a leading mention.</summary>
    public static string StripBotMention(string text, string? botUserId)
    {
        var stripped = botUserId is { Length: > 0 }
            ? Regex.Replace(text, $@"<@{Regex.Escape(botUserId)}(\|[^>]*)?>", "", RegexOptions.None, TimeSpan.FromSeconds(1))
            : LeadingMention().Replace(text, "", 1);
        return Spaces().Replace(stripped, " ").Trim();
    }

    [GeneratedRegex(@"^\s*<@[A-Z0-9]+(\|[^>]*)?>", RegexOptions.None, 1000)]
    private static partial Regex LeadingMention();

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.None, 1000)]
    private static partial Regex Spaces();
}
