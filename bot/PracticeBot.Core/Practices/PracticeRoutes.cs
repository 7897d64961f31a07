using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Practices;

public static class PracticeRoutes
{
    public static BotRouter MapPractices(this BotRouter bot) => bot
        .OnCommand<SetupPractice>("practice setup")
        .OnCommand<ChangeRole>("practice role")
        .OnCommand<ShowSettings>("practice settings")
        .OnMemberJoined<WelcomeOnInstall>("welcome");
}
