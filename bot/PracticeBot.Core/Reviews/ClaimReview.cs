using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews;

/// <summary>
/// <c>review claim &lt;id&gt;</c> and the Claim button: exactly one owner. The claim is one conditional update, so
/// when two people claim at once one wins and the other is told who has it. A manager may assign: <c>review claim 12 @ann</c>.
/// </summary>
public sealed class ClaimReview(PracticeBotDb db, ReviewBook reviews, MemberLookup members) : IBotHandler<CommandInvocation>, IBotHandler<ActionInvoked>
{
    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var assignee = turn.Member!;
        if (command.Find<UserRef>("user") is { } user)
        {
            if (!turn.Member!.Has(Role.Manager))
            {
                turn.Refuse(
                    "Only managers can assign a review to someone else. `review claim <id>` claims it for you.",
                    $"review:{command.ReviewNumber()}",
                    "assigning needs managers");
                return;
            }

            var found = await members.FindAsync(turn.Practice!, turn.Chat!.Conversation.Platform, user, cancellationToken);
            if (found.Member is null)
            {
                turn.Reply(found.Problem!);
                return;
            }

            assignee = found.Member;
        }

        await ClaimAsync(command.ReviewNumber(), assignee, fromButton: false, turn, cancellationToken);
    }

    public ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken) =>
        ReviewReplies.ForButton(action, turn, number => ClaimAsync(number, turn.Member!, fromButton: true, turn, cancellationToken));

    private async Task ClaimAsync(int number, Member assignee, bool fromButton, TurnContext turn, CancellationToken ct)
    {
        var practice = turn.Practice!;
        if (await reviews.FindAsync(practice, number, ct) is not { } review)
        {
            ReviewReplies.RefuseNotFound(turn, number);
            return;
        }

        if (assignee.Id == 0)
        {
            await db.SaveChangesAsync(ct); // a member met for the first time needs an id before it can own a review
        }

        var reassign = assignee.Id != turn.Member!.Id;
        var won = await db.Reviews
            .Where(r => r.Id == review.Id && (r.Status == ReviewStatus.New || reassign && r.ClaimedByMemberId != null && r.Status == ReviewStatus.Claimed))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReviewStatus.Claimed).SetProperty(r => r.ClaimedByMemberId, assignee.Id), ct);
        await db.Entry(review).ReloadAsync(ct);

        if (won == 0)
        {
            var owner = await reviews.ClaimerAsync(review, ct);
            turn.Reply(owner?.Id == assignee.Id
                ? $"{(reassign ? assignee.Mention + " already has" : "You already have")} review #{number}."
                : owner is not null
                    ? $"Review #{number} is already claimed by {owner.Mention}."
                    : $"Review #{number} can't be claimed now: it is {review.Status.ToString().ToLowerInvariant()}.");
            return;
        }

        turn.Audit(reassign ? "review.assigned" : "review.claimed", $"review:{number}", reassign ? assignee.Mention : null);
        await reviews.RefreshPostedCardsAsync(practice, review, ct);
        var card = await reviews.CardAsync(review, ct);
        turn.Reply(fromButton
            ? card.AsUpdateOf(card.CardKey!)
            : card.WithLead(reassign ? $"Review #{number} is now {assignee.Mention}'s." : $"You claimed review #{number}. Next: `review reply {number}`."));
    }
}
