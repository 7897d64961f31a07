using PracticeBot.Core.Conversation;

namespace PracticeBot.Core.Practices;

/// <summary>The tenant: one medical practice. Every other row belongs to exactly one.</summary>
public sealed class Practice
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>URL-safe id made from the name at setup; the webhook's <c>practice</c> field.</summary>
    public required string Slug { get; set; }
    /// <summary>IANA time zone id, e.g. <c>America/Chicago</c>.</summary>
    public required string TimeZone { get; set; }
    /// <summary>The channel where review cards and digests go.</summary>
    public ConversationReference? Channel { get; set; }
    public PracticeSettings Settings { get; set; } = new();
    /// <summary>Review numbers are short and per practice, so staff can type them.</summary>
    public int LastReviewNumber { get; set; }
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
