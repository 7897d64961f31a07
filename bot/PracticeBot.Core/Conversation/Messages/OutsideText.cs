using System.Globalization;
using System.Text;

namespace PracticeBot.Core.Conversation.Messages;

/// <summary>
/// Text that came from outside the bot (a review, its author, a source's name, anything a person typed that the bot
/// echoes) marked inside the bot's own message text, so each renderer shows it as text and never as markup: a review
/// saying <c>&lt;!channel&gt;</c> must not ping a channel, nor <c>&lt;https://evil.example|Verify&gt;</c> become a
/// disguised link under the bot's name. Everything else in a message is the bot's own light markdown, which the
/// renderers translate.
/// </summary>
/// <remarks>
/// The mark is a pair of Unicode noncharacters around the text (<see cref="Open"/>, <see cref="Close"/>): they are
/// reserved for a program's internal use, never valid in text that is exchanged, and any found in the text itself are
/// removed before it is marked, so outside text can neither close its own span early nor forge one. Being in-band,
/// the mark survives interpolation, joining, trimming and the JSON of the outbox, unlike a type of its own, which every
/// string operation on a message would drop. A renderer reads a message with <see cref="Render"/>, escaping the
/// marked spans in one function of its own; where a platform field takes plain text only, <see cref="Strip"/>. A span
/// cut open by truncation runs to the end of the text: the unsafe reading is never the default.
/// </remarks>
public static class OutsideText
{
    /// <summary>U+FDD0, a noncharacter: opens a span of outside text.</summary>
    public const char Open = '\uFDD0';

    /// <summary>U+FDD1, a noncharacter: closes it.</summary>
    public const char Close = '\uFDD1';

    /// <summary><paramref name="text"/> as outside text: shown exactly as written on every platform.</summary>
    public static string Mark(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var clean = text.Contains(Open, StringComparison.Ordinal) || text.Contains(Close, StringComparison.Ordinal) ? Strip(text) : text;
        return string.Concat(Open.ToString(), clean, Close.ToString());
    }

    /// <summary>The text without its marks: for plain-text fields, logs and the terminal.</summary>
    public static string Strip(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.AsSpan().IndexOfAny(Open, Close) < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is not (Open or Close))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// Renders <paramref name="text"/> for a platform: the bot's own markdown through <paramref name="ours"/> (translated
    /// for the platform), each marked span through <paramref name="theirs"/> (escaped so it shows as written).
    /// </summary>
    /// <remarks>
    /// <paramref name="ours"/> sees the whole text at once, each span stood in for by a placeholder (its number between
    /// the two marks), so the bot's markup around outside text (<c>*{name}*</c>) still pairs up, while nothing of the
    /// outside text can take part in it. The spans go back in, escaped, afterwards.
    /// </remarks>
    public static string Render(string? text, Func<string, string> ours, Func<string, string> theirs)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(theirs);
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.AsSpan().IndexOfAny(Open, Close) < 0)
        {
            return ours(text);
        }

        var spans = new List<string>();
        var own = new StringBuilder(text.Length);
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf(Open, at);
            var ownEnd = open < 0 ? text.Length : open;
            for (var i = at; i < ownEnd; i++)
            {
                if (text[i] != Close)
                {
                    own.Append(text[i]); // a stray close mark is dropped, never shown
                }
            }

            if (open < 0)
            {
                break;
            }

            var close = text.IndexOf(Close, open + 1);
            var end = close < 0 ? text.Length : close;
            own.Append(Open).Append(spans.Count.ToString(CultureInfo.InvariantCulture)).Append(Close);
            spans.Add(text[(open + 1)..end]);
            at = close < 0 ? text.Length : close + 1;
        }

        var rendered = ours(own.ToString());
        var result = new StringBuilder(rendered.Length + 16);
        at = 0;
        while (at < rendered.Length)
        {
            var open = rendered.IndexOf(Open, at);
            var close = open < 0 ? -1 : rendered.IndexOf(Close, open + 1);
            if (close < 0)
            {
                result.Append(Strip(rendered[at..]));
                break;
            }

            result.Append(rendered, at, open - at);
            if (int.TryParse(rendered.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < spans.Count)
            {
                result.Append(theirs(spans[n]));
            }

            at = close + 1;
        }

        return result.ToString();
    }
}
