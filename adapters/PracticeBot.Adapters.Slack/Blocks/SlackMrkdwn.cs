using PracticeBot.Core.Conversation.Messages;

namespace PracticeBot.Adapters.Slack.Blocks;

/// <summary>
/// The one place where text from outside (<see cref="OutsideText"/>) is made safe for Slack. In <c>mrkdwn</c> (section
/// and context text, fields, a message's <c>text</c>) Slack reads <c>&lt;…&gt;</c> as its control sequences
/// (<c>&lt;!channel&gt;</c>, <c>&lt;@U…&gt;</c>, <c>&lt;url|label&gt;</c>) and asks for <c>&amp;</c>, <c>&lt;</c>
/// and <c>&gt;</c> to be escaped as HTML entities; escaped, outside text can neither ping nor link.
/// </summary>
/// <remarks>
/// The formatting characters <c>* _ ~ `</c> are left as written: mrkdwn has no escape for them, and the only ways to
/// neutralise them (zero-width characters, look-alike letters) would change the text a reader copies, while all they
/// can do is make outside text bold or italic, never make it act. <c>plain_text</c> fields take no markup at all and
/// get the text with its marks removed (<see cref="Plain"/>).
/// </remarks>
public static class SlackMrkdwn
{
    /// <summary>The bot's own mrkdwn as it is, with each span of outside text escaped.</summary>
    public static string Render(string? text) => OutsideText.Render(text, static own => own, Escape);

    /// <summary>For <c>plain_text</c> fields and values: Slack shows them as written.</summary>
    public static string Plain(string? text) => OutsideText.Strip(text);

    /// <summary>Outside text as mrkdwn that shows exactly it: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> as entities.</summary>
    public static string Escape(string outside)
    {
        ArgumentNullException.ThrowIfNull(outside);
        return outside.AsSpan().IndexOfAny('&', '<', '>') < 0
            ? outside
            : outside.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
    }
}
