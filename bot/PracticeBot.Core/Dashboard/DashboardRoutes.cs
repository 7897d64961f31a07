using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Dashboard;

public static class DashboardRoutes
{
    public static BotRouter MapDashboard(this BotRouter bot) => bot.OnCommands(DashboardCommands.All);
}
