using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Practices.Settings;
using PracticeBot.Core.Reviews.Triage;
using PracticeBot.Core.Storage;
using PracticeBot.Core.Telemetry;

namespace PracticeBot.Core.Reviews.Sources;

/// <summary>
/// Stores what sources report, once. A review is identified by (practice, source, external id), backed by a unique
/// index: an unchanged review writes nothing and posts nothing; a new one gets the practice's next number, is triaged
/// and its card goes to the practice channel; an edited one is updated, marked edited and its posted cards refreshed in
/// place; a reply seen on the source marks it replied. Runs inside the caller's transaction and saves nothing itself.
/// </summary>
public sealed class ReviewIngestion(PracticeBotDb db, OutboxWriter outbox, ReviewBook book, Home.HomeRefresh homes, TimeProvider time)
{
    private const int LookupChunk = 400;

    /// <param name="origin">
    /// How they arrived. A pushed review (webhook, CSV) never changes one read from a connected source, and a polled copy
    /// of a pushed one takes it over (<see cref="IngestionRules.Decide"/>).
    /// </param>
    /// <param name="surface">False for bulk imports of history: reviews are stored and triaged, no cards are posted.</param>
    public async Task<IngestionSummary> IngestAsync(
        Practice practice, IReadOnlyList<SourcedReview> incoming, ReviewOrigin origin, bool surface, CancellationToken ct)
    {
        if (incoming.Count == 0)
        {
            return IngestionSummary.Empty;
        }

        // The same review twice in one batch (a webhook array, a CSV) counts once: the newest copy wins, the last of equals.
        var batch = incoming
            .Select((r, i) => (Review: r with { Source = r.Source.Trim().ToLowerInvariant() }, Index: i))
            .GroupBy(r => (r.Review.Source, r.Review.ExternalId))
            .Select(g => g.MaxBy(r => (IngestionRules.Version(r.Review), r.Index)).Review)
            .ToList();
        var stored = await LoadAsync(practice.Id, batch, ct);

        var now = time.GetUtcNow();
        var fresh = new List<SourcedReview>();
        var changed = new List<Review>();
        int edited = 0, replied = 0, unchanged = 0;
        foreach (var review in batch)
        {
            var existing = stored.GetValueOrDefault((review.Source, review.ExternalId));
            var decision = IngestionRules.Decide(existing, review, origin);
            if (decision == IngestDecision.Create)
            {
                fresh.Add(review);
                continue;
            }

            if (decision == IngestDecision.Unchanged)
            {
                if (IngestionRules.Version(review) > IngestionRules.Version(existing!))
                {
                    // The same content, newer: remember the newer time, so a copy from in between cannot win later.
                    existing!.SourceUpdatedAt = IngestionRules.Version(review);
                }

                unchanged++;
                continue;
            }

            if (decision.HasFlag(IngestDecision.Adopt))
            {
                existing!.Origin = origin;
                existing.SourceLocation = review.SourceLocation;
                existing.SourceUpdatedAt = IngestionRules.Version(review);
                if (decision == IngestDecision.Adopt)
                {
                    unchanged++; // the same review as pushed: nothing anyone sees changes, its card stays as it is
                    continue;
                }
            }

            if (decision.HasFlag(IngestDecision.Edit))
            {
                Apply(existing!, review, practice);
                existing!.Edited = true;
                edited++;
            }

            if (decision.HasFlag(IngestDecision.OwnerReply))
            {
                existing!.RepliedOnSource = true;
                existing.Status = IngestionRules.StatusAfterOwnerReply(existing.Status);
                replied++;
            }

            await book.RefreshPostedCardsAsync(practice, existing!, ct);
            changed.Add(existing!);
        }

        var numbers = await AllocateNumbersAsync(practice, fresh.Count, ct);
        for (var i = 0; i < fresh.Count; i++)
        {
            var review = new Review
            {
                PracticeId = practice.Id,
                Number = numbers[i],
                Source = fresh[i].Source,
                ExternalId = fresh[i].ExternalId,
                ReceivedAt = now,
                Origin = origin,
                SourceLocation = origin == ReviewOrigin.Polled ? fresh[i].SourceLocation : null,
                Status = fresh[i].HasOwnerReply ? ReviewStatus.Replied : ReviewStatus.New,
                RepliedOnSource = fresh[i].HasOwnerReply,
            };
            Apply(review, fresh[i], practice);
            db.Reviews.Add(review);
            changed.Add(review);
            PracticeBotTelemetry.RecordReviewIngested(review.Source, now - review.CreatedAt);
            if (surface)
            {
                await SurfaceAsync(practice, review, now, ct);
            }
        }

        await RefreshHomesAsync(practice, changed, ct);
        return new IngestionSummary(fresh.Count, edited, replied, unchanged, numbers);
    }

    /// <summary>
    /// The homes the new and changed reviews are on: everyone's for a negative one (one refresh covers them all), else
    /// those of the claimed ones' people (an unclaimed positive review is on nobody's home).
    /// </summary>
    private async Task RefreshHomesAsync(Practice practice, List<Review> changed, CancellationToken ct)
    {
        foreach (var review in changed.FirstOrDefault(r => r.IsNegative) is { } negative ? [negative] : changed.Where(r => r.ClaimedByMemberId is not null))
        {
            await homes.ForReviewAsync(practice, review, null, ct);
        }
    }

    private async Task<Dictionary<(string, string), Review>> LoadAsync(long practiceId, List<SourcedReview> batch, CancellationToken ct)
    {
        var stored = new Dictionary<(string, string), Review>();
        foreach (var bySource in batch.GroupBy(r => r.Source))
        {
            foreach (var chunk in bySource.Select(r => r.ExternalId).Chunk(LookupChunk))
            {
                var source = bySource.Key;
                foreach (var review in await db.Reviews
                             .Where(r => r.PracticeId == practiceId && r.Source == source && chunk.Contains(r.ExternalId))
                             .ToListAsync(ct))
                {
                    stored[(review.Source, review.ExternalId)] = review;
                }
            }
        }

        return stored;
    }

    /// <summary>
    /// Takes the next <paramref name="count"/> review numbers of the practice with one increment in the database, inside
    /// the caller's transaction: two ingestions at once get disjoint numbers (the row stays locked until commit).
    /// </summary>
    private async Task<int[]> AllocateNumbersAsync(Practice practice, int count, CancellationToken ct)
    {
        if (count == 0)
        {
            return [];
        }

        var id = practice.Id;
        await db.Practices.Where(p => p.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastReviewNumber, p => p.LastReviewNumber + count), ct);
        var last = await db.Practices.Where(p => p.Id == id).Select(p => p.LastReviewNumber).SingleAsync(ct);
        var entry = db.Entry(practice);
        if (entry.State != EntityState.Detached)
        {
            // Keep the tracked practice in step without marking it changed.
            entry.Property(p => p.LastReviewNumber).OriginalValue = last;
            entry.Property(p => p.LastReviewNumber).CurrentValue = last;
        }

        return Enumerable.Range(last - count + 1, count).ToArray();
    }

    private static void Apply(Review review, SourcedReview from, Practice practice)
    {
        review.Rating = from.Rating;
        review.Recommendation = from.Recommendation?.ToLowerInvariant();
        review.Author = from.Author;
        review.Text = string.IsNullOrWhiteSpace(from.Text) ? null : from.Text;
        review.Url = from.Url;
        review.Location = from.Location;
        review.CreatedAt = from.CreatedAt;
        review.SourceUpdatedAt = IngestionRules.Version(from);
        var triage = ReviewTriage.Triage(from.Rating, from.Recommendation, from.Text, practice.Settings.ExtraCategoryPhrases);
        review.Urgent = triage.Urgent;
        review.Categories = [.. triage.Categories];
        review.Category = triage.PrimaryCategory;
        review.SuspectedAbuse = triage.SuspectedAbuse;
    }

    /// <summary>
    /// The new review's card to the practice channel (held until quiet hours end unless urgent), and for an urgent one
    /// an alert to the responders (or managers, or both), as the practice chose (<c>practice set alerts</c>).
    /// </summary>
    private async Task SurfaceAsync(Practice practice, Review review, DateTimeOffset now, CancellationToken ct)
    {
        if (practice.Channel is not { } channel)
        {
            return;
        }

        var settings = practice.Settings;
        var alerts = review.Urgent ? settings.UrgentAlerts : "off";
        var card = ReviewCards.Card(review, null, now);
        var responders = alerts is "dm" or "mention" ? await RespondersAsync(practice, channel.Platform, ct) : [];
        if (alerts == "mention" && responders.Count > 0)
        {
            card = card.WithLead($"Urgent review for {string.Join(' ', responders.Select(m => m.Mention))}");
        }

        var row = outbox.Enqueue(practice.Id, MessageTarget.Channel(channel), card);
        if (!review.Urgent && QuietUntil(practice, now) is { } morning)
        {
            row.NextAttemptAt = morning;
        }

        if (alerts == "dm")
        {
            foreach (var responder in responders)
            {
                outbox.Enqueue(practice.Id, MessageTarget.DirectTo(channel, responder.UserId), OutboundMessage.Plain(
                    $"Urgent: a {ReviewCards.Score(review)} review on {ReviewCards.SourceName(review.Source)} (#{review.Number}) needs a reply. " +
                    $"`review {review.Number}` shows it; `review claim {review.Number}` takes it."));
            }
        }
    }

    private List<Member>? _responders;

    private async Task<List<Member>> RespondersAsync(Practice practice, string platform, CancellationToken ct) =>
        _responders ??= (await db.Members.Where(m => m.PracticeId == practice.Id && m.Platform == platform).ToListAsync(ct))
            .Where(m => (m.Roles & SettingsCatalog.UrgentAlertRoles(practice.Settings)) != 0)
            .ToList();

    /// <summary>The end of the practice's quiet hours when now falls inside them, else null.</summary>
    public static DateTimeOffset? QuietUntil(Practice practice, DateTimeOffset now)
    {
        var settings = practice.Settings;
        if (settings.QuietHoursStart is null || settings.QuietHoursEnd is not { } end)
        {
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(practice.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (!IngestionRules.InQuietHours(TimeOnly.FromDateTime(local.DateTime), settings.QuietHoursStart, end))
        {
            return null;
        }

        var endToday = local.Date + end.ToTimeSpan();
        var endLocal = endToday > local.DateTime ? endToday : endToday.AddDays(1);
        return new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal)).ToUniversalTime();
    }
}
