using System.Text;
using System.Text.RegularExpressions;
using PracticeBot.Core.Conversation.Messages;

namespace PracticeBot.Adapters.Teams.Rendering;

/// <summary>
/// The core's light markdown (Slack flavoured) → the markdown Teams and Adaptive Cards render; and the one place where
/// text from outside (<see cref="OutsideText"/>) is escaped for them (<see cref="Escape"/>).
/// </summary>
public static partial class TeamsMarkdown
{
    /// <summary>The bot's own markdown translated for Teams, with each span of outside text escaped.</summary>
    public static string Convert(string? text) => OutsideText.Render(text, ConvertOwn, Escape);

    /// <summary>For fields Teams shows as plain text (button titles, input labels and values, alt text, the summary).</summary>
    public static string Plain(string? text) => OutsideText.Strip(text);

    /// <summary>
    /// Outside text as Adaptive Card / Teams markdown that shows exactly it. Adaptive Cards read a CommonMark subset
    /// (<c>**bold**</c>, <c>_italic_</c>, <c>- </c> and <c>1. </c> lists, <c>[title](url)</c> links) and Teams reads
    /// <c>&lt;at&gt;</c> mentions and some HTML in messages, so every character that can open one of those is
    /// backslash-escaped (CommonMark's escape for ASCII punctuation): <c>\ * _ ~ ` [ ] ( ) &lt; &gt; # |</c> anywhere,
    /// and a list marker (<c>-</c>, <c>+</c>, <c>1.</c>) at the start of a line.
    /// </summary>
    public static string Escape(string outside)
    {
        ArgumentNullException.ThrowIfNull(outside);
        var result = new StringBuilder(outside.Length + 8);
        var lineStart = true;
        for (var i = 0; i < outside.Length; i++)
        {
            var c = outside[i];
            if (lineStart && c is ' ' or '\t')
            {
                result.Append(c); // still at the start of the line for a list marker
                continue;
            }

            if (c is '\\' or '*' or '_' or '~' or '`' or '[' or ']' or '(' or ')' or '<' or '>' or '#' or '|'
                || (lineStart && c is '-' or '+')
                || (c == '.' && EndsLineStartNumber(outside, i)))
            {
                result.Append('\\');
            }

            result.Append(c);
            lineStart = c is '\n' or '\r';
        }

        return result.ToString();
    }

    /// <summary>Whether the dot at <paramref name="dot"/> ends a number that starts its line (<c>1.</c>: an ordered list).</summary>
    private static bool EndsLineStartNumber(string text, int dot)
    {
        var i = dot - 1;
        if (i < 0 || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        while (i >= 0 && char.IsAsciiDigit(text[i]))
        {
            i--;
        }

        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }

        return i < 0 || text[i] is '\n' or '\r';
    }

    private static string ConvertOwn(string text)
    {
        var converted = Link().Replace(text, m => $"[{m.Groups["text"].Value}]({m.Groups["url"].Value})");
        converted = BareLink().Replace(converted, m => m.Groups["url"].Value);
        converted = Mention().Replace(converted, m => m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["id"].Value);
        converted = Bold().Replace(converted, m => $"**{m.Groups["text"].Value}**");
        // Adaptive Cards have no code spans: the backticks would show literally, quotes read better.
        return converted.Replace('`', '"');
    }

    [GeneratedRegex(@"<(?<url>https?://[^|>\s]+)\|(?<text>[^>]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"<(?<url>https?://[^|>\s]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex BareLink();

    [GeneratedRegex(@"<@(?<id>[^|>]+)(\|(?<name>[^>]+))?>", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    [GeneratedRegex(@"(?<![\w*])\*(?<text>[^*\n]+)\*(?![\w*])", RegexOptions.CultureInvariant)]
    private static partial Regex Bold();
}
