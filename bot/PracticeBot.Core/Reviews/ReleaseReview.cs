using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews;

/// <summary><c>review release &lt;id&gt;</c> and the Release button: give a claimed review back (its owner, or a manager).</summary>
public sealed class ReleaseReview(PracticeBotDb db, ReviewBook reviews) : IBotHandler<CommandInvocation>, IBotHandler<ActionInvoked>
{
    public ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken) =>
        new(ReleaseAsync(command.ReviewNumber(), fromButton: false, turn, cancellationToken));

    public ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken) =>
        ReviewReplies.ForButton(action, turn, number => ReleaseAsync(number, fromButton: true, turn, cancellationToken));

    private async Task ReleaseAsync(int number, bool fromButton, TurnContext turn, CancellationToken ct)
    {
        var practice = turn.Practice!;
        var me = turn.Member!;
        if (await reviews.FindAsync(practice, number, ct) is not { } review)
        {
            ReviewReplies.RefuseNotFound(turn, number);
            return;
        }

        if (review.ClaimedByMemberId is null || review.Status is not (ReviewStatus.Claimed or ReviewStatus.Drafted))
        {
            turn.Reply($"Review #{number} isn't claimed.");
            return;
        }

        if (review.ClaimedByMemberId != me.Id && !me.Has(Role.Manager))
        {
            var owner = await reviews.ClaimerAsync(review, ct);
            turn.Reply($"Review #{number} is {owner?.Mention ?? "someone else"}'s; only they or a manager can release it.");
            return;
        }

        var claimedBy = review.ClaimedByMemberId;
        var released = await db.Reviews
            .Where(r => r.Id == review.Id && r.ClaimedByMemberId == claimedBy && (r.Status == ReviewStatus.Claimed || r.Status == ReviewStatus.Drafted))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReviewStatus.New).SetProperty(r => r.ClaimedByMemberId, (long?)null), ct);
        await db.Entry(review).ReloadAsync(ct);
        if (released == 0)
        {
            turn.Reply($"Review #{number} changed meanwhile; `review {number}` shows where it stands.");
            return;
        }

        turn.Audit("review.released", $"review:{number}");
        await reviews.RefreshPostedCardsAsync(practice, review, ct);
        var card = await reviews.CardAsync(review, ct);
        turn.Reply(fromButton ? card.AsUpdateOf(card.CardKey!) : card.WithLead($"Review #{number} is free to claim again."));
    }
}
