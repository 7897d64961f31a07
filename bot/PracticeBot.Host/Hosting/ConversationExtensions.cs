using PracticeBot.Core.Conversation;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Host.Hosting;

public static class ConversationExtensions
{
    /// <summary>The conversation core, the local platform (an in-memory sender) and the outbox delivery worker.</summary>
    public static WebApplicationBuilder AddConversation(this WebApplicationBuilder builder)
    {
        builder.Services.AddPracticeBotCore();
        builder.Services.AddSingleton<IPlatformSender>(new RecordingPlatformSender(Core.Conversation.Platforms.Local));
        builder.Services.AddOutboxDelivery();
        return builder;
    }
}
