using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews.Suggestions;

/// <summary>
/// <c>review suggest &lt;id&gt;</c> and the Suggest reply button: writes a suggested reply, saves it as the draft when
/// the review has none, and shows it with its privacy verdict. Its route holds no transaction while the model is
/// asked (<see cref="Route.TrackedWritesOnly"/>): a slow provider must not keep SQLite's one write lock from every
/// other turn. A slow turn is the platform adapter's to defer: Slack acknowledges at its budget and answers through
/// response_url; the suggester's own budget keeps a Teams turn inside Teams' wait.
/// </summary>
public sealed class SuggestReply(PracticeBotDb db, ReviewBook reviews, ReplySuggester suggester, TimeProvider time)
    : IBotHandler<CommandInvocation>, IBotHandler<ActionInvoked>
{
    public ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken) =>
        new(SuggestAsync(command.ReviewNumber(), turn, cancellationToken));

    public ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken) =>
        ReviewReplies.ForButton(action, turn, number => SuggestAsync(number, turn, cancellationToken));

    private async Task SuggestAsync(int number, TurnContext turn, CancellationToken ct)
    {
        var practice = turn.Practice!;
        var me = turn.Member!;
        if (await reviews.FindAsync(practice, number, ct) is not { } review)
        {
            ReviewReplies.RefuseNotFound(turn, number);
            return;
        }

        if (review.Status is not (ReviewStatus.New or ReviewStatus.Claimed or ReviewStatus.Drafted))
        {
            turn.Reply($"Review #{number} is {review.Status.ToString().ToLowerInvariant()}; its reply can't be changed now.");
            return;
        }

        if (await ReviewReplies.RefuseIfClaimedByAnotherAsync(reviews, review, me, turn, ct))
        {
            return;
        }

        var suggestion = await suggester.SuggestAsync(practice, review, ct);
        var hasDraft = await db.ReviewReplies.AnyAsync(r => r.ReviewId == review.Id && r.Status == ReplyStatus.Draft, ct);
        var saved = !hasDraft && await ClaimIfFreeAsync(review, me, ct);
        if (saved)
        {
            var now = time.GetUtcNow();
            db.ReviewReplies.Add(new ReviewReply
            {
                PracticeId = practice.Id,
                ReviewId = review.Id,
                AuthorMemberId = me.Id,
                Text = suggestion.Text,
                Status = ReplyStatus.Draft,
                CreatedAt = now,
                UpdatedAt = now,
            });
            review.Status = ReviewStatus.Drafted;
            await reviews.RefreshPostedCardsAsync(practice, review, ct);
        }

        turn.Audit(
            saved ? "review.suggested" : "review.suggestion.shown",
            $"review:{number}",
            $"{(suggestion.Source == SuggestionSource.Model ? "model" : "template")}, {suggestion.Text.Length} characters, privacy {(suggestion.Privacy.IsClean ? "clean" : "caution")}");
        var card = await reviews.CardAsync(review, ct);
        turn.Reply(card.WithLead(SuggestionCard.Lead(number, suggestion, saved, hasDraft)));
    }

    /// <summary>
    /// Saving a suggestion on a review nobody has claimed claims it, with the same one-owner rule as the Claim button:
    /// one conditional UPDATE, so two people suggesting at once cannot both own it. It commits on its own (the route
    /// has no transaction); a claim without its draft, should the turn fail after it, is a state the Claim button makes too.
    /// </summary>
    private async Task<bool> ClaimIfFreeAsync(Review review, Member me, CancellationToken ct)
    {
        await db.Entry(review).ReloadAsync(ct);
        if (review.Status != ReviewStatus.New)
        {
            return review.Status is ReviewStatus.Claimed or ReviewStatus.Drafted && (review.ClaimedByMemberId == me.Id || me.Has(Role.Manager));
        }

        var won = await db.Reviews
            .Where(r => r.Id == review.Id && r.Status == ReviewStatus.New)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReviewStatus.Claimed).SetProperty(r => r.ClaimedByMemberId, me.Id), ct);
        await db.Entry(review).ReloadAsync(ct);
        return won == 1;
    }
}
