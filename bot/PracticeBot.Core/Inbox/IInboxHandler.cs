namespace PracticeBot.Core.Inbox;

/// <summary>
/// Handles the inbox rows of one platform: its adapter reads back the payload it wrote, dispatches the turn with
/// <see cref="InboxDelivery.Complete"/> (which marks the row done in the turn's own transaction) and answers the
/// person. Implemented by each adapter that writes inbox rows.
/// </summary>
public interface IInboxHandler
{
    /// <summary>One of <see cref="Conversation.Platforms"/>.</summary>
    string Platform { get; }

    Task<InboxResult> HandleAsync(InboxDelivery delivery, CancellationToken cancellationToken);
}
