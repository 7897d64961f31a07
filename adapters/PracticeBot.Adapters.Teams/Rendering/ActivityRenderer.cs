using PracticeBot.Adapters.Teams.Protocol;
using PracticeBot.Core.Conversation.Messages;

namespace PracticeBot.Adapters.Teams.Rendering;

/// <summary>Pure: a neutral message → the message activity to send (a card attachment, or markdown text).</summary>
public static class ActivityRenderer
{
    public static Activity Render(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Card is null)
        {
            return new Activity { Type = ActivityTypes.Message, Text = TeamsMarkdown.Convert(message.Text), TextFormat = "markdown" };
        }

        return new Activity
        {
            Type = ActivityTypes.Message,
            // The notification preview when the card arrives.
            Summary = message.Text,
            Attachments = [new Attachment { ContentType = ActivityTypes.AdaptiveCardContentType, Content = AdaptiveCardRenderer.Render(message.Card) }],
        };
    }
}
