using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Reviews;

/// <summary>
/// <c>review escalate &lt;id&gt; [note]</c> and the Escalate button: hands a complaint to operations to look into
/// what happened before anyone replies in public. Operations (or, without any, the managers) get it privately.
/// </summary>
public sealed class EscalateReview(ReviewWorkflow workflow, ReviewBook reviews, ReviewPeople people)
    : IBotHandler<CommandInvocation>, IBotHandler<ActionInvoked>
{
    public ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken) =>
        new(EscalateAsync(command.ReviewNumber(), command.Text("note"), turn, cancellationToken));

    public ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken) =>
        ReviewReplies.ForButton(action, turn, number => EscalateAsync(number, null, turn, cancellationToken));

    private async Task EscalateAsync(int number, string? note, TurnContext turn, CancellationToken ct)
    {
        var practice = turn.Practice!;
        if (await workflow.ForStepAsync(turn, number, ReviewStep.Escalate, ct) is not { } review)
        {
            return;
        }

        var investigators = await people.WithRoleAsync(practice, Role.Operations, ct);
        var to = investigators.Count > 0 ? investigators : await people.WithRoleAsync(practice, Role.Manager, ct);
        review.Status = ReviewStatus.Escalated;
        turn.Audit("review.escalated", $"review:{number}", note is null ? null : "with a note");
        await reviews.RefreshPostedCardsAsync(practice, review, ct);

        var card = await reviews.CardAsync(review, ct);
        var lead = $"{turn.Member!.Mention} escalated review #{number} to you: please look into what happened before anyone replies in public." +
            (string.IsNullOrWhiteSpace(note) ? "" : $"\nNote: {OutsideText.Mark(note.Trim())}") +
            $"\nWhen it's handled: `review resolve {number} [what you found]`.";
        people.Tell(practice, turn.Chat!.Conversation, to, card.WithLead(lead) with { CardKey = null });
        turn.Reply($"Review #{number} is with {(to.Count == 0 ? "nobody yet: the practice has no operations or manager role holder" : string.Join(", ", to.Select(m => m.Mention)))}.");
    }
}
