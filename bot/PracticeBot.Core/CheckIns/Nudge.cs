namespace PracticeBot.Core.CheckIns;

/// <summary>A reminder sent because activity stalled; the ladder goes owner first, then manager.</summary>
public sealed class Nudge
{
    public long Id { get; set; }
    public long PracticeId { get; set; }
    /// <summary>Which stall rule caused it (posts-below-plan, review-overdue, …).</summary>
    public required string Kind { get; set; }
    /// <summary>0 = the owner of the work, 1 = the manager, …</summary>
    public int Level { get; set; }
    public long? TargetMemberId { get; set; }
    /// <summary>What it is about, e.g. <c>review:12</c>, so the same nudge is not sent twice.</summary>
    public string? Subject { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
}
