using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Home;

public static class HomeRoutes
{
    public static BotRouter MapHome(this BotRouter bot) => bot
        .OnCommands(HomeCommands.All)
        .OnAction<OpenReviewFromHome>(HomeActions.OpenReview, Access.Members, mutates: false, trackedWritesOnly: true);
}
