using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews;

/// <summary><c>review cancel &lt;id&gt;</c> and the Cancel publishing button: stops a reply during its hold.</summary>
public sealed class CancelPublish(PracticeBotDb db, ReviewWorkflow workflow, ReviewBook reviews)
    : IBotHandler<CommandInvocation>, IBotHandler<ActionInvoked>
{
    public ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken) =>
        new(CancelAsync(command.ReviewNumber(), turn, cancellationToken));

    public ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken) =>
        ReviewReplies.ForButton(action, turn, number => CancelAsync(number, turn, cancellationToken));

    private async Task CancelAsync(int number, TurnContext turn, CancellationToken ct)
    {
        if (await workflow.ForStepAsync(turn, number, ReviewStep.CancelPublish, ct) is not { } review)
        {
            return;
        }

        // Until the sender claims it (Approved → Sending), a held reply can be stopped; whichever commits first wins.
        var stopped = await db.ReviewReplies
            .Where(r => r.ReviewId == review.Id && r.Status == ReplyStatus.Approved && r.PublishAfter != null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.PublishAfter, (DateTimeOffset?)null), ct);
        if (stopped == 0)
        {
            turn.Reply($"Too late: the reply to review #{number} is already on its way to {ReviewCards.SourceName(review.Source)}.");
            return;
        }

        review.Status = ReviewStatus.Approved;
        turn.Audit("review.publish.cancelled", $"review:{number}");
        await reviews.RefreshPostedCardsAsync(turn.Practice!, review, ct);
        turn.Reply($"Stopped: the reply to review #{number} was not published. It stays approved; `review publish {number}` sends it when you're ready.");
    }
}
