using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Posting;

public static class PostingRoutes
{
    public static BotRouter MapPosting(this BotRouter bot) => bot
        .OnCommands(PostingCommands.All)
        .OnAction<MarkPosted>(PostingActions.Done, PostingCommands.Done.Access)
        .OnAction<SkipSlot>(PostingActions.Skip, PostingCommands.Skip.Access)
        .OnAction<ProposeSwap>(PostingActions.Swap, PostingCommands.Swap.Access, mutates: false)
        .OnAction<AnswerSwap>(PostingActions.AcceptSwap)
        .OnAction<AnswerSwap>(PostingActions.DeclineSwap)
        .OnSchedule<AssignNextWeek>(PostingSchedules.Rotate)
        .OnSchedule<SendPostingReminders>(PostingSchedules.Remind)
        .OnSchedule<MarkMissedSlots>(PostingSchedules.Sweep);
}
