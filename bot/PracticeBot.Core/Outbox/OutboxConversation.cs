using System.Security.Cryptography;
using System.Text;
using PracticeBot.Core.Conversation.Messages;

namespace PracticeBot.Core.Outbox;

/// <summary>
/// The conversation an outbox row goes to, as the string stored in <see cref="OutboxMessage.ConversationKey"/>: platform,
/// workspace (Slack team, Teams tenant) and channel, or for a direct message the user instead of the channel (its
/// channel is only known once the platform opens it), and for a home its user's home. Threads and ephemeral messages belong to their channel's
/// conversation, so they keep their place in its order too.
/// </summary>
public static class OutboxConversation
{
    /// <summary>The column's length; longer keys keep a readable prefix and end in a hash of the whole.</summary>
    public const int MaxKeyLength = 400;

    private const int HashLength = 64;

    public static string KeyOf(MessageTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var conversation = target.Conversation;
        var place = target.Visibility switch
        {
            MessageVisibility.Direct => "@" + target.UserId,
            MessageVisibility.Home => "home@" + target.UserId,
            _ => conversation.ChannelId,
        };
        var key = $"{conversation.Platform.ToLowerInvariant()}/{conversation.WorkspaceId}/{place}";
        if (key.Length <= MaxKeyLength)
        {
            return key;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return string.Concat(key.AsSpan(0, MaxKeyLength - HashLength - 1), "#", hash);
    }
}
