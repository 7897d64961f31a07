using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Reviews;

public static class ReviewRoutes
{
    private static readonly Access Responders = Access.Roles(Role.Responder);

    public static BotRouter MapReviews(this BotRouter bot) => bot
        .OnCommand<ListReviews>("review list")
        .OnCommand<ShowReview>("review show")
        .OnCommand<ClaimReview>("review claim")
        .OnCommand<ReleaseReview>("review release")
        .OnCommand<DraftReply>("review reply")
        .OnAction<ClaimReview>(ReviewActions.Claim, Responders)
        .OnAction<ReleaseReview>(ReviewActions.Release, Responders)
        .OnAction<DraftReply>(ReviewActions.Draft, Responders)
        .OnAction<DraftReply>(ReviewActions.SubmitDraft, Responders);
}
