using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Posting;

public static class PostingRoutes
{
    public static BotRouter MapPosting(this BotRouter bot) => bot
        .OnCommand<SetPostingPlan>("posting plan")
        .OnCommand<Volunteer>("posting volunteer")
        .OnCommand<OptOut>("posting optout")
        .OnCommand<SetAway>("posting away")
        .OnCommand<MarkPosted>("posting done")
        .OnCommand<SkipSlot>("posting skip")
        .OnCommand<ProposeSwap>("posting swap")
        .OnCommand<ShowPostingSchedule>("posting schedule")
        .OnCommand<ShowPostIdeas>("posting ideas")
        .OnAction<MarkPosted>(PostingActions.Done)
        .OnAction<SkipSlot>(PostingActions.Skip)
        .OnAction<ProposeSwap>(PostingActions.Swap, mutates: false)
        .OnAction<AnswerSwap>(PostingActions.AcceptSwap)
        .OnAction<AnswerSwap>(PostingActions.DeclineSwap)
        .OnSchedule<AssignNextWeek>(PostingSchedules.Rotate)
        .OnSchedule<SendPostingReminders>(PostingSchedules.Remind)
        .OnSchedule<MarkMissedSlots>(PostingSchedules.Sweep);
}
