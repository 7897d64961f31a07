using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.CheckIns;

public static class CheckInRoutes
{
    public static BotRouter MapCheckIns(this BotRouter bot) => bot
        .OnCommands(CheckInCommands.All)
        .OnAction<AcknowledgeNudge>(CheckInActions.WillPost)
        .OnAction<PausePlanFromNudge>(CheckInActions.PausePlan)
        .OnSchedule<RunWeeklyCheckIn>(CheckInSchedules.Weekly, trackedWritesOnly: true);
}
