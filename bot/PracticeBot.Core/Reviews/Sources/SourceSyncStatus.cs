namespace PracticeBot.Core.Reviews.Sources;

public enum SourceSyncStatus
{
    /// <summary>Not polled yet.</summary>
    Pending,
    Ok,
    Failing,
    /// <summary>The source no longer serves this data; see <see cref="SourceSync.LastError"/>.</summary>
    Unavailable,
}
