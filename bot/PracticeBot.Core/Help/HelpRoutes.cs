using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Help;

public static class HelpRoutes
{
    public static BotRouter MapHelp(this BotRouter bot) => bot.OnCommands(HelpCommands.All);
}
