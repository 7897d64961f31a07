using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Teams.Tests.Integration;

/// <summary>Posts a review's card to the practice channel through the outbox, as surfacing a new review will.</summary>
public sealed class TestPostReviewCard(PracticeBotDb db, ReviewBook reviews, OutboxWriter outbox) : IBotHandler<ScheduleFired>
{
    public const string ScheduleId = "test.post-card";

    public async ValueTask HandleAsync(ScheduleFired fired, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        var review = await db.Reviews.SingleAsync(r => r.PracticeId == practice.Id && r.Number == 1, cancellationToken);
        outbox.Enqueue(practice.Id, MessageTarget.Channel(practice.Channel!), await reviews.CardAsync(review, cancellationToken));
    }
}
