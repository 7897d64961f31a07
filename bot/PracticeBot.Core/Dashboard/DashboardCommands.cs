using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Dashboard;

/// <summary>The dashboard's one command: a private, one-time sign-in link.</summary>
public static class DashboardCommands
{
    public static readonly CommandSpec Open = CommandSpec.Declare<OpenDashboard>(
        CommandCatalog.PracticeRoot, "dashboard", "", "A private sign-in link to the practice's dashboard (valid 10 minutes, once).",
        Access.Roles(Role.Responder | Role.Poster | Role.Operations), [], mutates: true,
        details: "Managers and responders see every page; posters and operations see the overview and posting.");

    public static readonly IReadOnlyList<CommandSpec> All = [Open];
}
