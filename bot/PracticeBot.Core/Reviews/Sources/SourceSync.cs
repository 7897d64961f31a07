namespace PracticeBot.Core.Reviews.Sources;

/// <summary>Where polling of one source for one practice stands: its cursor, last success and run of failures.</summary>
public sealed class SourceSync
{
    public long Id { get; set; }
    public long PracticeId { get; set; }
    /// <summary><see cref="IReviewSource.Name"/>.</summary>
    public required string Source { get; set; }
    public string? Cursor { get; set; }
    public SourceSyncStatus Status { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }
    public int ConsecutiveFailures { get; set; }
    /// <summary>Why the last attempt failed, in words for a manager (no secrets, no review text).</summary>
    public string? LastError { get; set; }
    /// <summary>The managers were told it is failing; the next success tells them it recovered.</summary>
    public bool FailureReported { get; set; }
}
