using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Reviews.Suggestions;

namespace PracticeBot.Core.Reviews;

public static class ReviewRoutes
{
    public static BotRouter MapReviews(this BotRouter bot) => bot
        .OnCommands(ReviewCommands.All)
        .OnAction<ClaimReview>(ReviewActions.Claim, ReviewCommands.Claim.Access)
        .OnAction<ReleaseReview>(ReviewActions.Release, ReviewCommands.Release.Access)
        .OnAction<DraftReply>(ReviewActions.Draft, ReviewCommands.Reply.Access)
        .OnAction<DraftReply>(ReviewActions.SubmitDraft, ReviewCommands.Reply.Access)
        .OnAction<SuggestReply>(ReviewActions.Suggest, ReviewCommands.Suggest.Access, trackedWritesOnly: true)
        .OnAction<PublishReply>(ReviewActions.Publish, ReviewCommands.Publish.Access)
        .OnAction<ApproveReply>(ReviewActions.Approve, ReviewCommands.Approve.Access)
        .OnAction<RejectReply>(ReviewActions.Reject, ReviewCommands.Reject.Access, mutates: false)
        .OnAction<RejectReply>(ReviewActions.SubmitReject, ReviewCommands.Reject.Access)
        .OnAction<MarkReplied>(ReviewActions.MarkReplied, ReviewCommands.Publish.Access)
        .OnAction<EscalateReview>(ReviewActions.Escalate, ReviewCommands.Escalate.Access)
        .OnAction<SkipReply>(ReviewActions.NoReplyNeeded, Access.Managers)
        .OnAction<CancelPublish>(ReviewActions.CancelPublish, ReviewCommands.Cancel.Access)
        .OnSchedule<SweepReviewSla>(ReviewSchedules.Sla)
        .OnSchedule<PublishDueReplies>(ReviewSchedules.Publish, ownsTransaction: true);
}
