namespace PracticeBot.Core.Inbox;

public enum InboxStatus
{
    /// <summary>Waiting to be handled (or retried at <see cref="InboxMessage.NextAttemptAt"/>).</summary>
    Pending,
    /// <summary>Handled: its turn committed.</summary>
    Done,
    /// <summary>Given up after <see cref="InboxOptions.MaxAttempts"/>, or its turn failed for good; <see cref="InboxMessage.LastError"/> says why.</summary>
    Dead,
}
