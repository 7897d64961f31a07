using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews;

/// <summary>Reads reviews of the turn's practice and keeps their posted cards current.</summary>
public sealed class ReviewBook(PracticeBotDb db, OutboxWriter outbox, TimeProvider time)
{
    public Task<Review?> FindAsync(Practice practice, int number, CancellationToken ct) =>
        db.Reviews.SingleOrDefaultAsync(r => r.PracticeId == practice.Id && r.Number == number, ct);

    public async Task<Member?> ClaimerAsync(Review review, CancellationToken ct) =>
        review.ClaimedByMemberId is { } id ? await db.Members.SingleOrDefaultAsync(m => m.Id == id, ct) : null;

    public async Task<OutboundMessage> CardAsync(Review review, CancellationToken ct) =>
        ReviewCards.Card(review, await ClaimerAsync(review, ct), time.GetUtcNow());

    /// <summary>
    /// Updates every copy of the review's card that was posted before (the practice channel, DMs): the outbox
    /// replaces each in place. A review that was only ever listed privately has no posted card to update.
    /// </summary>
    public async Task RefreshPostedCardsAsync(Practice practice, Review review, CancellationToken ct)
    {
        var key = ReviewActions.CardKey(review.Number);
        var posted = await db.Outbox
            .Where(o => o.PracticeId == practice.Id && o.CardKey == key)
            .OrderBy(o => o.Id)
            .Select(o => o.Target)
            .ToListAsync(ct);
        var card = (await CardAsync(review, ct)).AsUpdateOf(key);
        foreach (var target in posted.DistinctBy(t => (t.Visibility, t.Conversation.Platform, t.Conversation.ChannelId, t.UserId)))
        {
            outbox.Enqueue(practice.Id, target, card);
        }
    }
}
