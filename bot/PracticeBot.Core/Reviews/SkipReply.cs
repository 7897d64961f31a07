using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Reviews;

/// <summary>The No reply needed button (managers): a review that needs no answer, such as five stars without text.</summary>
public sealed class SkipReply(ReviewWorkflow workflow, ReviewBook reviews) : IBotHandler<ActionInvoked>
{
    public async ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken)
    {
        if (ReviewReplies.NumberOf(action) is not { } number)
        {
            ReviewReplies.RefuseStale(turn);
            return;
        }

        if (await workflow.ForStepAsync(turn, number, ReviewStep.NoReplyNeeded, cancellationToken) is not { } review)
        {
            return;
        }

        review.Status = ReviewStatus.NoReplyNeeded;
        turn.Audit("review.no-reply-needed", $"review:{number}");
        await reviews.RefreshPostedCardsAsync(turn.Practice!, review, cancellationToken);
        var card = await reviews.CardAsync(review, cancellationToken);
        turn.Reply(card.AsUpdateOf(card.CardKey!));
    }
}
