using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Help;

public static class HelpRoutes
{
    /// <summary>The help command's route: open to everyone, guests included.</summary>
    public const string HelpCommand = "help topics";

    public static BotRouter MapHelp(this BotRouter bot) => bot.OnCommand<ShowHelp>(HelpCommand);
}
