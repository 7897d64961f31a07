namespace PracticeBot.Core.Conversation;

/// <summary>
/// A platform's answer to "is this person a guest of the workspace?" (Slack <c>users.info</c> restricted flags, the
/// Teams member's <c>userRole</c>). Asked only for a person with no role, and only when the payload did not say.
/// </summary>
public interface IGuestDirectory
{
    /// <summary>One of <see cref="Platforms"/>.</summary>
    string Platform { get; }

    /// <summary>True for a guest, false for a full member, null when the platform could not be asked just now.</summary>
    ValueTask<bool?> IsGuestAsync(ConversationReference conversation, ChatUser user, CancellationToken cancellationToken);
}
