namespace PracticeBot.Core.Inbox;

/// <summary>How handling one inbox row went.</summary>
public enum InboxOutcome
{
    /// <summary>Handled (or there was nothing to do).</summary>
    Done,
    /// <summary>Failed in a way that may pass (the database was out of reach): tried again after a backoff.</summary>
    TryLater,
    /// <summary>Failed for good (a bug, a payload that cannot be read): dead-lettered, the person already told.</summary>
    Failed,
}
