using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices.Onboarding;

namespace PracticeBot.Core.Practices;

public static class PracticeRoutes
{
    public static BotRouter MapPractices(this BotRouter bot) => bot
        .OnCommands(PracticeCommands.All)
        .OnMemberJoined<WelcomeOnInstall>("welcome")
        // The setup guide: its first steps work before the workspace is set up; the rest are a manager's, as their commands.
        .OnAction<SetupGuideSteps>(SetupGuideActions.Show, Access.Anyone, mutates: false)
        .OnAction<SetupGuideSteps>(SetupGuideActions.Start, Access.Anyone, mutates: false)
        .OnAction<SetupGuideSteps>(SetupGuideActions.Create, Access.Anyone)
        .OnAction<SetupGuideSteps>(SetupGuideActions.TakeRole, PracticeCommands.Role.Access)
        .OnAction<SetupGuideSteps>(SetupGuideActions.Source, Access.Managers)
        .OnAction<SetupGuideSteps>(SetupGuideActions.Plan, Posting.PostingCommands.Plan.Access, mutates: false)
        .OnAction<SetupGuideSteps>(SetupGuideActions.SavePlan, Posting.PostingCommands.Plan.Access);
}
