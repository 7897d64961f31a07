using System.Globalization;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Reviews;

namespace PracticeBot.Core.Home;

/// <summary>The Open button of a review on the home: the review's card, with its buttons, to the person who pressed it.</summary>
public sealed class OpenReviewFromHome(ReviewBook reviews) : IBotHandler<ActionInvoked>
{
    public async ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken)
    {
        if (!int.TryParse(action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || await reviews.FindAsync(turn.Practice!, number, cancellationToken) is not { } review)
        {
            ReviewReplies.RefuseNotFound(turn, number);
            return;
        }

        turn.Reply(await reviews.CardAsync(review, cancellationToken));
    }
}
