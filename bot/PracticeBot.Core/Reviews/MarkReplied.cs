using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Reviews;

/// <summary>The Mark replied button: an approved reply was posted by hand on a source without a reply API.</summary>
public sealed class MarkReplied(ReviewWorkflow workflow, ReviewBook reviews, TimeProvider time) : IBotHandler<ActionInvoked>
{
    public async ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken)
    {
        if (ReviewReplies.NumberOf(action) is not { } number)
        {
            ReviewReplies.RefuseStale(turn);
            return;
        }

        if (await workflow.ForStepAsync(turn, number, ReviewStep.MarkReplied, cancellationToken) is not { } review
            || !await workflow.IsOwnerOrManagerAsync(turn, review, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        if (await workflow.CurrentReplyAsync(review, cancellationToken) is { } reply)
        {
            reply.Status = ReplyStatus.Published;
            reply.PublishedAt = now;
            reply.UpdatedAt = now;
        }

        review.Status = ReviewStatus.Replied;
        turn.Audit("review.replied", $"review:{number}", "posted by hand");
        await reviews.RefreshPostedCardsAsync(turn.Practice!, review, cancellationToken);
        turn.Reply($"Review #{number} is marked replied. Thank you for answering it!");
    }
}
