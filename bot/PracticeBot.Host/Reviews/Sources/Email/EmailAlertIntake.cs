using MailKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using PracticeBot.Adapters.Reviews.Email;
using PracticeBot.Adapters.Reviews.Email.Imap;
using PracticeBot.Adapters.Reviews.Email.Storage;
using PracticeBot.Core.Audit;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Storage;

namespace PracticeBot.Host.Reviews.Sources.Email;

/// <summary>
/// One pass over the alert folder: every message without a record is read, recorded and (when it is a review)
/// ingested in one transaction, then filed (seen, or moved to the folder for people). The record's unique
/// (mailbox, UIDVALIDITY, UID) makes that exactly once: a restart, or a second instance racing for the same message,
/// fails to record it again and leaves it alone. Filing happens after the commit and is repeated by the next pass
/// until it is done, so a crash in between loses nothing.
/// </summary>
public sealed partial class EmailAlertIntake(
    IServiceScopeFactory scopes, EmailAlertReader reader, IOptions<EmailSourceOptions> options, EmailAlertStatus status,
    TimeProvider time, ILogger<EmailAlertIntake> logger)
{
    private const int LookupChunk = 500;

    public async Task ProcessNewAsync(ImapMailbox mailbox, CancellationToken ct)
    {
        var o = options.Value;
        var uids = await mailbox.UidsAsync(ct);
        var validity = (long)mailbox.UidValidity;
        var recorded = new Dictionary<long, EmailMessageRecord>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
            foreach (var chunk in uids.Select(u => (long)u.Id).Chunk(LookupChunk))
            {
                foreach (var record in await db.EmailMessages.AsNoTracking()
                             .Where(m => m.Mailbox == o.MailboxKey && m.UidValidity == validity && chunk.Contains(m.Uid)).ToListAsync(ct))
                {
                    recorded[record.Uid] = record;
                }
            }
        }

        foreach (var uid in uids)
        {
            if (recorded.TryGetValue(uid.Id, out var record))
            {
                status.CountAlreadyProcessed(validity, uid.Id);
                if (!record.Filed)
                {
                    await FileAsync(mailbox, uid, record, ct);
                }

                continue;
            }

            await ProcessAsync(mailbox, uid, validity, ct);
        }

        status.KeepOnly(validity, uids.Select(u => (long)u.Id));
        status.Checked(time.GetUtcNow(), mailbox.CanIdle);
    }

    private async Task ProcessAsync(ImapMailbox mailbox, UniqueId uid, long validity, CancellationToken ct)
    {
        var o = options.Value;
        if (await mailbox.GetAsync(uid, ct) is not { } message)
        {
            return; // gone meanwhile: another instance filed it
        }

        EmailReading reading;
        try
        {
            reading = reader.Read(message, PracticeOf);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One message nobody can read must not stop the messages after it: it is put aside for people.
            LogUnreadable(logger, uid.Id, e.GetType().Name);
            reading = new EmailReading(EmailReadingKind.Rejected, null, null, null, $"PracticeBot could not read this message ({e.GetType().Name})");
        }

        var record = new EmailMessageRecord
        {
            Mailbox = o.MailboxKey,
            UidValidity = validity,
            Uid = uid.Id,
            MessageId = message.MessageId is { Length: > 0 and <= 500 } id ? id : null,
            Sender = reading.Sender is { Length: <= 320 } sender ? sender : null,
            Source = reading.Source,
            ProcessedAt = time.GetUtcNow(),
        };

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        db.PracticeScope = null;
        var practice = reading.PracticeSlug is { } slug ? await db.Practices.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, ct) : null;
        Decide(record, reading, practice);
        if (record.Outcome != EmailOutcome.Rejected && record.MessageId is { } messageId
            && await db.EmailMessages.AnyAsync(m => m.MessageId == messageId && m.PracticeId == record.PracticeId, ct))
        {
            record.Outcome = EmailOutcome.Duplicate;
            record.Problem = "a copy of a message already processed (same Message-ID)";
        }

        if (record.Outcome == EmailOutcome.Ingested && IsPolledElsewhere(scope.ServiceProvider, practice!, reading.Review!))
        {
            record.Outcome = EmailOutcome.Skipped;
            record.Problem = $"{ReviewCards.SourceName(reading.Review!.Source)} reviews of this practice are read from {ReviewCards.SourceName(reading.Review.Source)} itself";
        }

        if (!await RecordAsync(scope.ServiceProvider, db, record, practice, reading.Review, ct))
        {
            status.CountAlreadyProcessed(validity, uid.Id);
            return;
        }

        status.CountProcessed(validity, uid.Id);
        LogProcessed(logger, uid.Id, record.Outcome, record.PracticeId, record.Source);
        await FileAsync(mailbox, uid, record, ct);
    }

    private static void Decide(EmailMessageRecord record, EmailReading reading, Practice? practice)
    {
        if (reading.Kind == EmailReadingKind.Rejected || practice is null)
        {
            record.Outcome = EmailOutcome.Rejected;
            record.Problem = reading.Kind == EmailReadingKind.Rejected
                ? reading.Problem
                : $"the practice {reading.PracticeSlug} that accepts {reading.Sender} is not set up";
            return;
        }

        record.PracticeId = practice.Id;
        record.Outcome = reading.Kind == EmailReadingKind.Review ? EmailOutcome.Ingested : EmailOutcome.Unparsed;
        record.Problem = reading.Problem is { Length: > 500 } text ? text[..500] : reading.Problem;
    }

    /// <summary>Google alerts of a practice whose Google locations the bot polls would only duplicate the polled reviews.</summary>
    private static bool IsPolledElsewhere(IServiceProvider services, Practice practice, SourcedReview review) =>
        services.GetServices<IReviewSource>().Any(s => s.Origin == ReviewOrigin.Polled && s.Name == review.Source && s.Serves(practice));

    /// <returns>False when the message was already recorded (a restart, or another instance got there first).</returns>
    private async Task<bool> RecordAsync(
        IServiceProvider services, PracticeBotDb db, EmailMessageRecord record, Practice? practice, SourcedReview? review, CancellationToken ct)
    {
        await using var transaction = await db.BeginUnitOfWorkAsync(ct);
        db.EmailMessages.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await db.EmailMessages.AnyAsync(m => m.Mailbox == record.Mailbox && m.UidValidity == record.UidValidity && m.Uid == record.Uid, ct))
            {
                return false;
            }

            throw;
        }

        if (record.Outcome == EmailOutcome.Ingested)
        {
            db.PracticeScope = practice!.Id;
            var tracked = await db.Practices.SingleAsync(p => p.Id == practice.Id, ct);
            var summary = await services.GetRequiredService<ReviewIngestion>().IngestAsync(tracked, [review!], ReviewOrigin.Email, surface: true, ct);
            if (summary.ChangedAnything)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    PracticeId = practice.Id,
                    At = time.GetUtcNow(),
                    Actor = "system",
                    Action = "reviews.received",
                    Subject = $"email:{review!.Source}",
                    Detail = summary.Describe(),
                    Origin = $"email:{record.Sender}",
                });
            }

            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>The mailbox side: a review's alert is flagged seen; anything people must look at is moved to their folder.</summary>
    private async Task FileAsync(ImapMailbox mailbox, UniqueId uid, EmailMessageRecord record, CancellationToken ct)
    {
        var o = options.Value;
        switch (record.Outcome)
        {
            case EmailOutcome.Unparsed:
                await mailbox.MoveAsync(uid, o.UnparsedFolder, ct);
                break;
            case EmailOutcome.Rejected:
                await mailbox.MoveAsync(uid, o.RejectedFolder, ct);
                break;
            default:
                await mailbox.MarkSeenAsync(uid, ct);
                break;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        await db.EmailMessages.Where(m => m.Mailbox == record.Mailbox && m.UidValidity == record.UidValidity && m.Uid == record.Uid)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Filed, true), ct);
    }

    private string? PracticeOf(string address)
    {
        foreach (var (slug, practice) in options.Value.Practices)
        {
            if (practice.AcceptFrom.Any(a => MailboxAddress.TryParse(a, out var accepted) && string.Equals(accepted.Address, address, StringComparison.OrdinalIgnoreCase)))
            {
                return slug;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert e-mail UID {Uid} could not be read ({Error}): moved aside")]
    private static partial void LogUnreadable(ILogger logger, uint uid, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert e-mail UID {Uid}: {Outcome} (practice {PracticeId}, source {Source})")]
    private static partial void LogProcessed(ILogger logger, uint uid, EmailOutcome outcome, long? practiceId, string? source);
}
