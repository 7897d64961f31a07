using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Audit;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews.Sources;

/// <summary>
/// Reviews a source itself pushed (a Pub/Sub notification fetched back from Google, a Facebook webhook verified with the
/// app secret) for a practice's own connected location: stored as read from that location (<see cref="ReviewOrigin.Polled"/>
/// with its source location), through the same ingestion as polling, so a review pushed and then polled is stored once.
/// The caller must have checked that the location is the practice's. Use a fresh scope per call.
/// </summary>
public sealed class SourcePushIntake(PracticeBotDb db, ReviewIngestion ingestion, TimeProvider time)
{
    public async Task<IngestionSummary?> ReceiveAsync(long practiceId, IReadOnlyList<SourcedReview> reviews, string origin, CancellationToken ct)
    {
        db.PracticeScope = practiceId;
        await using var transaction = await db.BeginUnitOfWorkAsync(ct);
        var practice = await db.Practices.SingleOrDefaultAsync(p => p.Id == practiceId, ct);
        if (practice is null)
        {
            return null;
        }

        var summary = await ingestion.IngestAsync(practice, reviews, ReviewOrigin.Polled, surface: true, ct);
        if (summary.ChangedAnything)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                PracticeId = practiceId, At = time.GetUtcNow(), Actor = "system", Action = "reviews.pushed",
                Subject = origin, Detail = summary.Describe(), Origin = origin,
            });
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return summary;
    }
}
