using System.Globalization;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Reviews;

/// <summary>
/// <c>review reject &lt;id&gt; &lt;reason&gt;</c>, the Reject button (opens a form for the reason) and its submit
/// (managers). The draft goes back to its author, with the reason, to be edited.
/// </summary>
public sealed class RejectReply(ReviewWorkflow workflow, ReviewBook reviews, ReviewPeople people, TimeProvider time)
    : IBotHandler<CommandInvocation>, IBotHandler<ActionInvoked>
{
    public ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken) =>
        new(RejectAsync(command.ReviewNumber(), command.Text("reason"), turn, cancellationToken));

    public ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken)
    {
        if (ReviewReplies.NumberOf(action) is not { } number)
        {
            ReviewReplies.RefuseStale(turn);
            return ValueTask.CompletedTask;
        }

        if (action.ActionId == ReviewActions.Reject)
        {
            return new(OpenReasonFormAsync(number, turn, cancellationToken));
        }

        return new(RejectAsync(number, action.Inputs.GetValueOrDefault(ReviewActions.ReasonInput), turn, cancellationToken));
    }

    /// <summary>The form opens only for a review of this practice whose draft can be sent back.</summary>
    private async Task OpenReasonFormAsync(int number, TurnContext turn, CancellationToken ct)
    {
        if (await workflow.ForStepAsync(turn, number, ReviewStep.Reject, ct) is not null)
        {
            turn.Reply(ReasonForm(number));
        }
    }

    private async Task RejectAsync(int number, string? reason, TurnContext turn, CancellationToken ct)
    {
        var practice = turn.Practice!;
        // The review first: a number of another practice is refused before anything else is said about it.
        if (await workflow.ForStepAsync(turn, number, ReviewStep.Reject, ct) is not { } review)
        {
            return;
        }

        if (await workflow.CurrentReplyAsync(review, ct) is not { } reply)
        {
            turn.Reply($"Review #{number} has no draft to reject. `review reply {number}` drafts one.");
            return;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            turn.Reply($"Say what should change, so the author can fix it: `review reject {number} <reason>`.");
            return;
        }

        review.Status = ReviewStatus.Drafted;
        reply.Status = ReplyStatus.Draft;
        reply.UpdatedAt = time.GetUtcNow();
        turn.Audit("review.rejected", $"review:{number}", $"reason of {reason.Trim().Length} characters");
        await reviews.RefreshPostedCardsAsync(practice, review, ct);

        if (await people.ByIdAsync(reply.AuthorMemberId, ct) is { } author)
        {
            people.Tell(practice, turn.Chat!.Conversation, [author], OutboundMessage.Plain(
                $"{turn.Member!.Mention} sent your reply to review #{number} back: {OutsideText.Mark(reason.Trim())}\n`review reply {number}` opens it for editing."));
        }

        turn.Reply($"Sent the reply to review #{number} back to its author with your reason.");
    }

    private static OutboundMessage ReasonForm(int number) => new(
        $"Reject the reply to review #{number}",
        Card.Of(
            new HeaderBlock($"Send the reply to review #{number} back"),
            new TextInputBlock(ReviewActions.ReasonInput, "What should change?", Multiline: true),
            new ActionsBlock([new CardButton("Send back", ReviewActions.SubmitReject, number.ToString(CultureInfo.InvariantCulture), ButtonStyle.Danger)])));
}
