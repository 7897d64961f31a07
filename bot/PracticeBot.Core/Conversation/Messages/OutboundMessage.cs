namespace PracticeBot.Core.Conversation.Messages;

/// <summary>What the bot says, in neutral form. Adapters render it as Block Kit or an Adaptive Card.</summary>
/// <param name="Text">Plain text: the whole message when there is no card, the notification fallback when there is.</param>
/// <param name="Card">The rich body, if any.</param>
/// <param name="CardKey">
/// A stable name for a card that changes over time (<c>review:12</c>). A message sent with <see cref="ReplacesCard"/>
/// updates every earlier message with the same key in place instead of posting a new one.
/// </param>
/// <param name="Files">Files sent with the message (a chart): uploaded on Slack, image attachments on Teams.</param>
public sealed record OutboundMessage(string Text, Card? Card = null, string? CardKey = null, bool ReplacesCard = false, IReadOnlyList<OutboundFile>? Files = null)
{
    public static OutboundMessage Plain(string text) => new(text);

    public OutboundMessage AsUpdateOf(string cardKey) => this with { CardKey = cardKey, ReplacesCard = true };

    /// <summary>
    /// Puts a sentence above the card (and makes it the notification text): "You claimed review #12." followed by the
    /// review's card. Platforms show only the blocks of a card, so a sentence that matters must be one of them.
    /// </summary>
    public OutboundMessage WithLead(string sentence) => this with
    {
        Text = sentence,
        Card = Card is null ? null : new Card([new SectionBlock(sentence), .. Card.Blocks]),
    };
}

/// <summary>A file sent with a message, in neutral form (serialised into the outbox row; the bytes as base64).</summary>
/// <param name="Name">The file name, e.g. <c>checkin-2026-W48.png</c>.</param>
/// <param name="ContentType">The media type, e.g. <c>image/png</c>.</param>
/// <param name="AltText">What the file shows, for screen readers and text-only renderings.</param>
public sealed record OutboundFile(string Name, string ContentType, byte[] Content, string AltText);
