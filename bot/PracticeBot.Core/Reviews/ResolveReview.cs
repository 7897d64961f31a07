using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Reviews;

/// <summary><c>review resolve &lt;id&gt; [note]</c>: the review is handled (replied, investigated, or nothing to do).</summary>
public sealed class ResolveReview(ReviewWorkflow workflow, ReviewBook reviews) : IBotHandler<CommandInvocation>
{
    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var number = command.ReviewNumber();
        if (await workflow.ForStepAsync(turn, number, ReviewStep.Resolve, cancellationToken) is not { } review)
        {
            return;
        }

        review.Status = ReviewStatus.Resolved;
        turn.Audit("review.resolved", $"review:{number}", command.Text("note") is null ? null : "with a note");
        await reviews.RefreshPostedCardsAsync(turn.Practice!, review, cancellationToken);
        turn.Reply($"Review #{number} is resolved. Thank you!");
    }
}
