using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Practices;

public static class PracticeRoutes
{
    public static BotRouter MapPractices(this BotRouter bot) => bot
        .OnCommands(PracticeCommands.All)
        .OnMemberJoined<WelcomeOnInstall>("welcome");
}
