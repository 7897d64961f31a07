using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews;

/// <summary>What the reply-workflow handlers share: finding the review and its current reply, and the approval rule.</summary>
public sealed class ReviewWorkflow(ReviewBook reviews)
{
    /// <summary>The review, or null after telling the person why not (unknown number, or not a state for that step).</summary>
    public async Task<Review?> ForStepAsync(TurnContext turn, int number, ReviewStep step, CancellationToken ct)
    {
        if (await reviews.FindAsync(turn.Practice!, number, ct) is not { } review)
        {
            ReviewReplies.RefuseNotFound(turn, number);
            return null;
        }

        if (!ReviewLifecycle.Allows(step, review.Status))
        {
            turn.Reply(ReviewLifecycle.Refusal(step, review.Status, number));
            return null;
        }

        return review;
    }

    /// <summary>The reply being worked on: the newest one that is not rejected, cancelled or published.</summary>
    public Task<ReviewReply?> CurrentReplyAsync(Review review, CancellationToken ct) => reviews.CurrentReplyAsync(review, ct);

    /// <summary>By default a reply to a review of 3 stars or fewer needs a manager; a negative review always does.</summary>
    public static bool NeedsApproval(Review review, PracticeSettings settings) =>
        settings.ApproveEveryReply || review.IsNegative || review.Rating is { } stars && stars <= settings.ApprovalAtOrBelowStars;

    /// <summary>True when the acting member owns the review or is a manager; otherwise tells them whose it is.</summary>
    public async Task<bool> IsOwnerOrManagerAsync(TurnContext turn, Review review, CancellationToken ct)
    {
        var me = turn.Member!;
        if (me.Has(Role.Manager) || review.ClaimedByMemberId == me.Id)
        {
            return true;
        }

        var owner = await reviews.ClaimerAsync(review, ct);
        turn.Refuse(
            $"Review #{review.Number} is {owner?.Mention ?? "someone else"}'s; only they or a manager can do that.",
            $"review:{review.Number}",
            "not the review's owner or a manager");
        return false;
    }
}
