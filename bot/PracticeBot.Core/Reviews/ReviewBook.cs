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
        ReviewCards.Card(review, await ClaimerAsync(review, ct), time.GetUtcNow(), (await CurrentReplyAsync(review, ct))?.Version);

    /// <summary>
    /// The reply being worked on: the newest one that is not rejected, cancelled or published. A reply added in this turn
    /// and not saved yet counts, so a card refreshed in the same turn already carries its version.
    /// </summary>
    public async Task<ReviewReply?> CurrentReplyAsync(Review review, CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries<ReviewReply>()
            .LastOrDefault(e => e.State == EntityState.Added && e.Entity.ReviewId == review.Id && IsCurrent(e.Entity.Status))?.Entity;
        if (added is not null)
        {
            return added;
        }

        var stored = await db.ReviewReplies
            .Where(r => r.ReviewId == review.Id && (r.Status == ReplyStatus.Draft || r.Status == ReplyStatus.AwaitingApproval || r.Status == ReplyStatus.Approved))
            .OrderByDescending(r => r.Id)
            .FirstOrDefaultAsync(ct);
        return stored is not null && IsCurrent(stored.Status) ? stored : null; // a tracked reply may have moved on in this turn
    }

    private static bool IsCurrent(ReplyStatus status) => status is ReplyStatus.Draft or ReplyStatus.AwaitingApproval or ReplyStatus.Approved;

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
