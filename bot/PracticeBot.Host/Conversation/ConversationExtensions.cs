using PracticeBot.Core.Conversation;
using PracticeBot.Core.Inbox;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Host.Conversation;

public static class ConversationExtensions
{
    /// <summary>
    /// The conversation core, the local platform (an in-memory sender), the outbox delivery worker and the inbox worker
    /// (acknowledged deliveries, handled durably).
    /// </summary>
    public static WebApplicationBuilder AddConversation(this WebApplicationBuilder builder)
    {
        builder.Services.AddPracticeBotCore();
        builder.Services.AddSingleton<IPlatformSender>(new RecordingPlatformSender(Core.Conversation.Platforms.Local));
        builder.Services.AddOutboxDelivery();
        builder.Services.AddInbox();
        return builder;
    }
}
