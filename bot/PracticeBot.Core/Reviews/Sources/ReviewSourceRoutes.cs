using PracticeBot.Core.Reviews;
using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Reviews.Sources;

public static class ReviewSourceRoutes
{
    public static BotRouter MapReviewSources(this BotRouter bot) => bot
        .OnCommands(ReviewSourceCommands.All)
        .OnSchedule<PollReviewSource>(ReviewSchedules.Poll, ownsTransaction: true);
}
