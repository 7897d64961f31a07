using System.Globalization;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews.Privacy;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Core.Reviews;

/// <summary>
/// <c>review publish &lt;id&gt;</c> and the Publish button. A draft that needs approval goes to the managers. An
/// approved (or approval-free, privacy-clean) reply goes out through the source's API after a cancellable hold when the
/// review was read from one of the practice's own connected locations of a source with a reply API (Google; see
/// <see cref="ReplyThroughSource"/>), and otherwise is handed over ready to post by hand, with a Mark replied button.
/// A high-risk draft is never published without a manager's written override.
/// </summary>
public sealed class PublishReply(
    ReviewWorkflow workflow,
    ReviewBook reviews,
    ReviewPeople people,
    IEnumerable<IReviewReplyPublisher> publishers,
    TimeProvider time)
    : IBotHandler<CommandInvocation>, IBotHandler<ActionInvoked>
{
    public ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken) =>
        new(PublishAsync(command.ReviewNumber(), null, turn, cancellationToken));

    /// <summary>The button publishes the text its card was made for: the version it carries must still be the current one.</summary>
    public ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken) =>
        ReviewReplies.ForButton(action, turn, number => PublishAsync(number, ReviewReplies.VersionOf(action) ?? "", turn, cancellationToken));

    /// <param name="shownVersion">For a button, the version its card was made for; null for a typed command.</param>
    private async Task PublishAsync(int number, string? shownVersion, TurnContext turn, CancellationToken ct)
    {
        var practice = turn.Practice!;
        var me = turn.Member!;
        if (await workflow.ForStepAsync(turn, number, ReviewStep.Publish, ct) is not { } review || !await workflow.IsOwnerOrManagerAsync(turn, review, ct))
        {
            return;
        }

        if (await workflow.CurrentReplyAsync(review, ct) is not { } reply)
        {
            turn.Reply($"Review #{number} has no draft yet: `review reply {number}` starts one.");
            return;
        }

        if (shownVersion is not null && shownVersion != reply.Version)
        {
            turn.Reply(ReplyCards.Current(review, reply));
            return;
        }

        var privacy = PrivacyCheck.Check(reply.Text, review.Author, practice.Name);
        // Approved means this very text was approved: an edit since then made a new version that needs its own approval.
        var approved = review.Status == ReviewStatus.Approved && reply.IsApprovedAsItIs;
        if (!approved && (me.Has(Role.Manager) ? privacy.IsHighRisk : ReviewWorkflow.NeedsApproval(review, practice.Settings) || privacy.IsHighRisk))
        {
            if (me.Has(Role.Manager))
            {
                turn.Reply($"{privacy.Explain()}\nA manager can publish it anyway only with a written reason: `review approve {number} <reason>`, then `review publish {number}`.");
                return;
            }

            await SendForApprovalAsync(turn, review, reply, privacy, ct);
            return;
        }

        if (!approved)
        {
            reply.ApprovedByMemberId = me.Id;
            turn.Audit("review.approved", $"review:{number}", me.Has(Role.Manager) ? "by a manager while publishing" : "no approval needed");
        }

        var now = time.GetUtcNow();
        reply.Status = ReplyStatus.Approved;
        reply.ApprovedVersion = reply.Version;
        reply.UpdatedAt = now;
        if (ReplyThroughSource.PublisherFor(practice, review, publishers) is not null)
        {
            // Through the source's API, after a hold during which anyone can still stop it.
            var hold = TimeSpan.FromMinutes(Math.Max(0, practice.Settings.PublishHoldMinutes));
            review.Status = ReviewStatus.Publishing;
            reply.PublishAfter = now + hold;
            turn.Audit("review.publish.held", $"review:{number}", $"{hold.TotalMinutes:0} min");
            await reviews.RefreshPostedCardsAsync(practice, review, ct);
            var card = await reviews.CardAsync(review, ct);
            turn.Reply(card.WithLead(
                $"Your reply to review #{number} goes to {ReviewCards.SourceName(review.Source)} in {hold.TotalMinutes:0} minutes. " +
                $"Anyone can stop it until then: Cancel publishing, or `review cancel {number}`."));
            return;
        }

        review.Status = ReviewStatus.Approved;
        turn.Audit("review.publish.manual", $"review:{number}", ReviewCards.SourceName(review.Source));
        await reviews.RefreshPostedCardsAsync(practice, review, ct);
        turn.Reply(ReadyToPost(review, reply, ReplyThroughSource.WhyByHand(review, publishers)));
    }

    private async Task SendForApprovalAsync(TurnContext turn, Review review, ReviewReply reply, PrivacyReport privacy, CancellationToken ct)
    {
        var practice = turn.Practice!;
        review.Status = ReviewStatus.AwaitingApproval;
        reply.Status = ReplyStatus.AwaitingApproval;
        reply.UpdatedAt = time.GetUtcNow();
        turn.Audit("review.approval.requested", $"review:{review.Number}", privacy.IsHighRisk ? "privacy high risk" : null);
        await reviews.RefreshPostedCardsAsync(practice, review, ct);

        var managers = await people.WithRoleAsync(practice, Role.Manager, ct);
        people.Tell(practice, turn.Chat!.Conversation, managers, ReplyCards.ApprovalRequest(review, reply, turn.Member!.Mention, privacy));
        turn.Reply(managers.Count == 0
            ? $"Review #{review.Number} needs a manager's approval, but the practice has no manager to ask. A manager is named with `practice role @user manager`."
            : $"Sent your reply to review #{review.Number} to {string.Join(", ", managers.Select(m => m.Mention))} for approval. You'll hear back here.");
    }

    private static OutboundMessage ReadyToPost(Review review, ReviewReply reply, string whyByHand)
    {
        var source = ReviewCards.SourceName(review.Source);
        var where = review.Url is { } url ? $"Open the review on {source}: {OutsideText.Mark(url)}" : $"Find the review on {source}.";
        return new OutboundMessage(
            $"Reply to review #{review.Number} is ready to post on {source}",
            Card.Of(
                new HeaderBlock($"Ready to post on {source}"),
                new SectionBlock(OutsideText.Mark(reply.Text)),
                new ContextBlock([$"{Capitalized(whyByHand)}: copy the text above, post it there yourself, then press Mark replied. {where}"]),
                new ActionsBlock([new CardButton("Mark replied", ReviewActions.MarkReplied, review.Number.ToString(CultureInfo.InvariantCulture), ButtonStyle.Primary)])),
            null);
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
