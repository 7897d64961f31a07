using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Reviews.Sources.Connections;

namespace PracticeBot.Core.Reviews.Sources;

public static class ReviewSourceRoutes
{
    public static BotRouter MapReviewSources(this BotRouter bot) => bot
        .OnCommands(ReviewSourceCommands.All)
        .OnAction<ChooseSourceLocation>(ChooseSourceLocation.ActionId, ReviewSourceCommands.Connect.Access)
        .OnSchedule<PollReviewSource>(ReviewSchedules.Poll, ownsTransaction: true);
}
