using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews.Suggestions;

namespace PracticeBot.Core.Reviews;

public static class ReviewRoutes
{
    private static readonly Access Responders = Access.Roles(Role.Responder);
    private static readonly Access Investigators = Access.Roles(Role.Responder | Role.Operations);

    public static BotRouter MapReviews(this BotRouter bot) => bot
        .OnCommand<ListReviews>("review list")
        .OnCommand<ShowReview>("review show")
        .OnCommand<ClaimReview>("review claim")
        .OnCommand<ReleaseReview>("review release")
        .OnCommand<DraftReply>("review reply")
        .OnCommand<SuggestReply>("review suggest", trackedWritesOnly: true)
        .OnCommand<PublishReply>("review publish")
        .OnCommand<ApproveReply>("review approve")
        .OnCommand<RejectReply>("review reject")
        .OnCommand<EscalateReview>("review escalate")
        .OnCommand<ResolveReview>("review resolve")
        .OnCommand<CancelPublish>("review cancel")
        .OnAction<ClaimReview>(ReviewActions.Claim, Responders)
        .OnAction<ReleaseReview>(ReviewActions.Release, Responders)
        .OnAction<DraftReply>(ReviewActions.Draft, Responders)
        .OnAction<DraftReply>(ReviewActions.SubmitDraft, Responders)
        .OnAction<SuggestReply>(ReviewActions.Suggest, Responders, trackedWritesOnly: true)
        .OnAction<PublishReply>(ReviewActions.Publish, Responders)
        .OnAction<ApproveReply>(ReviewActions.Approve, Access.Managers)
        .OnAction<RejectReply>(ReviewActions.Reject, Access.Managers, mutates: false)
        .OnAction<RejectReply>(ReviewActions.SubmitReject, Access.Managers)
        .OnAction<MarkReplied>(ReviewActions.MarkReplied, Responders)
        .OnAction<EscalateReview>(ReviewActions.Escalate, Investigators)
        .OnAction<SkipReply>(ReviewActions.NoReplyNeeded, Access.Managers)
        .OnAction<CancelPublish>(ReviewActions.CancelPublish, Responders)
        .OnSchedule<SweepReviewSla>(ReviewSchedules.Sla)
        .OnSchedule<PublishDueReplies>(ReviewSchedules.Publish, ownsTransaction: true);
}
