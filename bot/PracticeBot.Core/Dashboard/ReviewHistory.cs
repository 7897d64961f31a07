using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Dashboard;

/// <summary>One step in a review's life, from the audit log (claimed, drafted, approved, published…): what, by whom, when.</summary>
public sealed record ReviewEvent(DateTimeOffset At, string Action, string? By, string? Detail);

/// <summary>A review with its history and its replies (newest reply last), for the review's own page.</summary>
public sealed record ReviewDetail(ReviewRow Review, IReadOnlyList<ReviewEvent> History, IReadOnlyList<ReviewReplyLine> Replies);

/// <summary>A reply as the review's page shows it. Its text may carry health information.</summary>
public sealed record ReviewReplyLine(string Text, string Status, string? Author, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt);

public sealed class ReviewHistory(PracticeBotDb db)
{
    /// <summary>The review with this practice number, or null when the practice has none.</summary>
    public async Task<ReviewDetail?> DetailAsync(Practice practice, int number, CancellationToken ct)
    {
        var review = await db.Reviews.AsNoTracking().SingleOrDefaultAsync(r => r.PracticeId == practice.Id && r.Number == number, ct);
        if (review is null)
        {
            return null;
        }

        var subject = $"review:{number}";
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => a.PracticeId == practice.Id && a.Subject == subject)
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new ReviewEvent(a.At, a.Action, a.ActorName ?? a.Actor, a.Detail))
            .ToListAsync(ct);
        var replies = await db.ReviewReplies.AsNoTracking()
            .Where(r => r.PracticeId == practice.Id && r.ReviewId == review.Id)
            .OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var people = replies.Select(r => r.AuthorMemberId).Append(review.ClaimedByMemberId ?? 0).Distinct().ToList();
        var names = await db.Members.Where(m => people.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.DisplayName ?? m.UserId, ct);
        var first = replies.Where(r => r.PublishedAt is not null).Select(r => r.PublishedAt).Min();
        var row = new ReviewRow(
            review.Number, review.Source, review.Rating, review.Recommendation, review.Author, review.Text, review.Url, review.ReceivedAt,
            review.Status, review.Category, Reviews.SlaPlanner.IsUrgent(review),
            review.ClaimedByMemberId is { } claimer && names.TryGetValue(claimer, out var claimedBy) ? claimedBy : null, first);
        return new ReviewDetail(
            row,
            history,
            [.. replies.Select(r => new ReviewReplyLine(r.Text, r.Status.ToString(), names.GetValueOrDefault(r.AuthorMemberId), r.CreatedAt, r.PublishedAt))]);
    }
}
