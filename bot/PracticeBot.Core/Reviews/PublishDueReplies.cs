using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Audit;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews;

/// <summary>
/// Every minute: replies whose hold has ended go out through their source's API. Each is claimed first (Approved →
/// Sending, with a lease), so a cancel can no longer stop it and two instances never send it twice; the API call runs
/// outside any transaction. A sender that dies mid-way leaves a lease that expires and the next sweep sends again —
/// harmless, since the source replaces the practice's one reply.
/// </summary>
public sealed class PublishDueReplies(
    PracticeBotDb db,
    IEnumerable<IReviewReplyPublisher> publishers,
    ReviewBook reviews,
    ReviewPeople people,
    Home.HomeRefresh homes,
    TimeProvider time) : IBotHandler<ScheduleFired>
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public async ValueTask HandleAsync(ScheduleFired input, TurnContext turn, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await db.ReviewReplies
            .Where(r => (r.Status == ReplyStatus.Approved || r.Status == ReplyStatus.Sending) && r.PublishAfter != null && r.PublishAfter <= now
                        && r.ApprovedVersion == r.Version)
            .OrderBy(r => r.PublishAfter)
            .Select(r => r.Id)
            .Take(100)
            .ToListAsync(cancellationToken);

        foreach (var replyId in due)
        {
            var claimed = await db.ReviewReplies
                .Where(r => r.Id == replyId && (r.Status == ReplyStatus.Approved || r.Status == ReplyStatus.Sending) && r.PublishAfter != null && r.PublishAfter <= now
                            && r.ApprovedVersion == r.Version) // only the very text that was approved is ever sent
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReplyStatus.Sending).SetProperty(r => r.PublishAfter, now + Lease), cancellationToken);
            if (claimed == 1)
            {
                await SendAsync(replyId, now, cancellationToken);
            }
        }
    }

    private async Task SendAsync(long replyId, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var reply = await db.ReviewReplies.SingleAsync(r => r.Id == replyId, ct);
        var review = await db.Reviews.SingleAsync(r => r.Id == reply.ReviewId, ct);
        var practice = await db.Practices.SingleAsync(p => p.Id == review.PracticeId, ct);
        // Checked again at send time: the practice's locations may have changed in configuration during the hold.
        var publisher = ReplyThroughSource.PublisherFor(practice, review, publishers);

        ReplyPublishResult result;
        try
        {
            result = publisher is null
                ? ReplyPublishResult.Failed($"{ReplyThroughSource.WhyByHand(review, publishers)}; nothing was sent")
                : await publisher.PublishReplyAsync(practice, review, reply.Text, ct);
        }
        catch (HttpRequestException)
        {
            result = ReplyPublishResult.Failed($"{ReviewCards.SourceName(review.Source)} could not be reached");
        }

        await using var transaction = await db.BeginUnitOfWorkAsync(ct);
        var source = ReviewCards.SourceName(review.Source);
        var author = await people.ByIdAsync(reply.AuthorMemberId, ct);
        reply.PublishAfter = null;
        reply.UpdatedAt = now;
        if (result.Succeeded)
        {
            reply.Status = ReplyStatus.Published;
            reply.PublishedAt = now;
            review.Status = ReviewStatus.Replied;
            Audit(practice, "review.replied", review.Number, $"published on {source}", now);
            if (author is not null && practice.Channel is { } channel)
            {
                people.Tell(practice, channel, [author], OutboundMessage.Plain($"Your reply to review #{review.Number} is live on {source}. Thank you!"));
            }
        }
        else
        {
            reply.Status = ReplyStatus.Approved;
            review.Status = ReviewStatus.Approved;
            Audit(practice, "review.publish.failed", review.Number, Truncate(result.Error ?? "unknown error", 300), now);
            if (practice.Channel is { } channel)
            {
                var managers = await people.WithRoleAsync(practice, Role.Manager, ct);
                people.Tell(practice, channel, author is null ? managers : [author, .. managers], OutboundMessage.Plain(publisher is null
                    ? $"The reply to review #{review.Number} was not sent to {source}: {result.Error}. It is still approved: " +
                      $"`review publish {review.Number}` gives you the text to post on {source} by hand."
                    : $"{source} did not take the reply to review #{review.Number}: {result.Error}. It is still approved: `review publish {review.Number}` tries again."));
            }
        }

        await reviews.RefreshPostedCardsAsync(practice, review, ct);
        await homes.ForReviewAsync(practice, review, null, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private void Audit(Practice practice, string action, int number, string detail, DateTimeOffset now) =>
        db.AuditEntries.Add(new AuditEntry
        {
            PracticeId = practice.Id,
            At = now,
            Actor = "system",
            Action = action,
            Subject = $"review:{number}",
            Detail = detail,
            Origin = $"schedule/{ReviewSchedules.Publish}",
        });

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
