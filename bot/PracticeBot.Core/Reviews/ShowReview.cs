using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Reviews;

/// <summary><c>review &lt;id&gt;</c>: one review's card.</summary>
public sealed class ShowReview(ReviewBook reviews) : IBotHandler<CommandInvocation>
{
    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var number = command.ReviewNumber();
        if (await reviews.FindAsync(turn.Practice!, number, cancellationToken) is not { } review)
        {
            turn.Reply(ReviewReplies.NotFound(number));
            return;
        }

        turn.Reply(await reviews.CardAsync(review, cancellationToken));
    }
}
