namespace PracticeBot.Adapters.Reviews.Email.Storage;

/// <summary>
/// One message of the alert mailbox, recorded the first time it is processed, in the same transaction as the review it
/// brings. Its (mailbox, UIDVALIDITY, UID) is unique, so a message is processed once, however many instances read the
/// mailbox and however often they restart. Holds no message content: only where it came from and what became of it.
/// </summary>
public sealed class EmailMessageRecord
{
    public long Id { get; set; }
    /// <summary><c>user@host:port/folder</c>.</summary>
    public required string Mailbox { get; set; }
    public long UidValidity { get; set; }
    public long Uid { get; set; }
    /// <summary>The Message-ID header: a second copy of the same message (a new UID) is recognised by it.</summary>
    public string? MessageId { get; set; }
    /// <summary>The practice the forwarding address belongs to; null when no practice accepts it.</summary>
    public long? PracticeId { get; set; }
    /// <summary>The forwarding address that decided the practice.</summary>
    public string? Sender { get; set; }
    public EmailOutcome Outcome { get; set; }
    /// <summary>The parser's source (healthgrades, …) when one understood it.</summary>
    public string? Source { get; set; }
    /// <summary>Why it was not ingested, in words for staff (no message content).</summary>
    public string? Problem { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
    /// <summary>The mailbox side of processing is done (flagged seen, or moved to the folder for people).</summary>
    public bool Filed { get; set; }
}

public enum EmailOutcome
{
    /// <summary>A review was stored (or was already there).</summary>
    Ingested = 1,
    /// <summary>No parser understood it: moved to the folder for people and shown in <c>practice sources</c>.</summary>
    Unparsed = 2,
    /// <summary>From an address no practice accepts: moved aside, never ingested.</summary>
    Rejected = 3,
    /// <summary>A copy of a message already processed (same Message-ID).</summary>
    Duplicate = 4,
    /// <summary>Understood, but the practice gets this source another way (Google, polled).</summary>
    Skipped = 5,
}
