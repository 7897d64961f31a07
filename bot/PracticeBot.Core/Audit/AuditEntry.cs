namespace PracticeBot.Core.Audit;

/// <summary>Who did what, when, from where. Never holds review or draft text.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public long? PracticeId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary><c>platform:userId</c>, or <c>system</c> for scheduled work.</summary>
    public required string Actor { get; set; }
    public string? ActorName { get; set; }
    /// <summary>A dotted verb: <c>practice.setup</c>, <c>member.role.granted</c>, <c>review.claimed</c>.</summary>
    public required string Action { get; set; }
    /// <summary>What it was done to: <c>review:12</c>, <c>member:&lt;@U1&gt;</c>.</summary>
    public string? Subject { get; set; }
    /// <summary>Short, PHI-free detail (a role name, a setting's new value).</summary>
    public string? Detail { get; set; }
    /// <summary><c>platform/workspace/channel</c>.</summary>
    public string? Origin { get; set; }
    public string? CorrelationId { get; set; }
}
