using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;

namespace PracticeBot.Adapters.Teams.Inbound;

/// <summary>What an activity means to the core: the neutral event (if any) and the conversation it happened in.</summary>
public sealed record InboundActivity(InboundKind Kind, BotEvent? Event = null, ConversationReference? Conversation = null)
{
    public static readonly InboundActivity Ignored = new(InboundKind.Ignored);
}
