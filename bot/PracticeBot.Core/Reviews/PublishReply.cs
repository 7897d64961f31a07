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
/// approved (or approval-free, privacy-clean) reply goes out through the source's API after a cancellable hold where
/// the source has one (Google), and otherwise is handed over ready to post by hand, with a Mark replied button.
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
        new(PublishAsync(command.ReviewNumber(), turn, cancellationToken));

    public ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken) =>
        ReviewReplies.ForButton(action, turn, number => PublishAsync(number, turn, cancellationToken));

    private async Task PublishAsync(int number, TurnContext turn, CancellationToken ct)
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

        var privacy = PrivacyCheck.Check(reply.Text, review.Author);
        var approved = review.Status == ReviewStatus.Approved;
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
        reply.UpdatedAt = now;
        if (publishers.Any(p => string.Equals(p.Name, review.Source, StringComparison.OrdinalIgnoreCase)))
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
        turn.Reply(ReadyToPost(review, reply));
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
        var number = review.Number.ToString(CultureInfo.InvariantCulture);
        people.Tell(practice, turn.Chat!.Conversation, managers, new OutboundMessage(
            $"{turn.Member!.Mention} asks you to approve a reply to review #{review.Number}",
            Card.Of(
                new HeaderBlock($"Approve the reply to review #{review.Number}?"),
                new SectionBlock($"*Review* {ReviewCards.Score(review)} on {ReviewCards.SourceName(review.Source)}\n{(review.Text is null ? "(no text)" : OutsideText.Mark(review.Text))}"),
                new SectionBlock($"*Reply by {turn.Member!.Mention}*\n{OutsideText.Mark(reply.Text)}"),
                new ContextBlock([privacy.Explain()]),
                new ActionsBlock(
                [
                    new CardButton("Approve", ReviewActions.Approve, number, ButtonStyle.Primary),
                    new CardButton("Reject", ReviewActions.Reject, number, ButtonStyle.Danger),
                ]))));
        turn.Reply(managers.Count == 0
            ? $"Review #{review.Number} needs a manager's approval, but the practice has no manager to ask. A manager is named with `practice role @user manager`."
            : $"Sent your reply to review #{review.Number} to {string.Join(", ", managers.Select(m => m.Mention))} for approval. You'll hear back here.");
    }

    private static OutboundMessage ReadyToPost(Review review, ReviewReply reply)
    {
        var source = ReviewCards.SourceName(review.Source);
        var where = review.Url is { } url ? $"Open the review on {source}: {OutsideText.Mark(url)}" : $"Find the review on {source}.";
        return new OutboundMessage(
            $"Reply to review #{review.Number} is ready to post on {source}",
            Card.Of(
                new HeaderBlock($"Ready to post on {source}"),
                new SectionBlock(OutsideText.Mark(reply.Text)),
                new ContextBlock([$"{source} has no reply API: copy the text above and post it there. {where}"]),
                new ActionsBlock([new CardButton("Mark replied", ReviewActions.MarkReplied, review.Number.ToString(CultureInfo.InvariantCulture), ButtonStyle.Primary)])),
            null);
    }
}
