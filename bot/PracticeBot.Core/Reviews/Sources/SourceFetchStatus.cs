namespace PracticeBot.Core.Reviews.Sources;

public enum SourceFetchStatus
{
    Ok,
    /// <summary>This time it failed (network, credentials, quota, a response we could not read); the next poll tries again.</summary>
    Failed,
    /// <summary>The source no longer serves this data (e.g. an API retired by the platform): retrying will not help.</summary>
    Unavailable,
}
