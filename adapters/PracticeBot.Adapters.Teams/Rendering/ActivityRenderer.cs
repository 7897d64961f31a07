using PracticeBot.Adapters.Teams.Protocol;
using PracticeBot.Core.Conversation.Messages;

namespace PracticeBot.Adapters.Teams.Rendering;

/// <summary>
/// Pure: a neutral message → the message activity to send (a card attachment, or markdown text), with each of the
/// message's files as an attachment of its own next to the card (an inline <c>data:</c> URL), so the card's size
/// limit does not count the image.
/// </summary>
public static class ActivityRenderer
{
    public static Activity Render(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var files = (message.Files ?? []).Select(FileAttachment).ToList();
        if (message.Card is null)
        {
            return new Activity
            {
                Type = ActivityTypes.Message,
                Text = TeamsMarkdown.Convert(message.Text),
                TextFormat = "markdown",
                Attachments = files.Count == 0 ? null : files,
            };
        }

        return new Activity
        {
            Type = ActivityTypes.Message,
            // The notification preview when the card arrives.
            Summary = TeamsMarkdown.Plain(message.Text),
            Attachments = [new Attachment { ContentType = ActivityTypes.AdaptiveCardContentType, Content = AdaptiveCardRenderer.Render(message.Card) }, .. files],
        };
    }

    public static Attachment FileAttachment(OutboundFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new Attachment
        {
            ContentType = file.ContentType,
            ContentUrl = $"data:{file.ContentType};base64,{Convert.ToBase64String(file.Content)}",
            Name = file.Name,
        };
    }
}
