using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Audit;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews.Sources;

/// <summary>
/// Reviews pushed to the bot (the webhook, a CSV import) rather than polled: one transaction per batch that stores
/// them, queues their cards and writes one audit entry, all or nothing. Use a fresh scope per call.
/// </summary>
public sealed class ReviewIntake(PracticeBotDb db, ReviewIngestion ingestion, TimeProvider time)
{
    /// <param name="channel">How they arrive: <see cref="ReviewOrigin.Webhook"/>, <see cref="ReviewOrigin.Csv"/> or <see cref="ReviewOrigin.Email"/>.</param>
    /// <param name="origin">Where they came from, for the audit log: <c>webhook</c>, <c>import:reviews.csv</c>.</param>
    /// <returns>Null when the practice does not exist.</returns>
    public async Task<IngestionSummary?> ReceiveAsync(
        long practiceId, IReadOnlyList<SourcedReview> reviews, ReviewOrigin channel, bool surface, string origin, CancellationToken cancellationToken)
    {
        if (!IngestionRules.IsPushed(channel) || channel == ReviewOrigin.Unknown)
        {
            // Pushed reviews are the sender's word: they must never be stored as if read from a connected source.
            throw new ArgumentOutOfRangeException(nameof(channel), channel, "Pushed reviews arrive by webhook, CSV or alert e-mail.");
        }

        db.PracticeScope = practiceId;
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        var practice = await db.Practices.SingleOrDefaultAsync(p => p.Id == practiceId, cancellationToken);
        if (practice is null)
        {
            return null;
        }

        var summary = await ingestion.IngestAsync(practice, reviews, channel, surface, cancellationToken);
        if (summary.ChangedAnything)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                PracticeId = practiceId,
                At = time.GetUtcNow(),
                Actor = "system",
                Action = "reviews.received",
                Subject = origin.Length <= 250 ? origin : origin[..250],
                Detail = summary.Describe(),
                Origin = origin.Length <= 500 ? origin : origin[..500],
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return summary;
    }
}
