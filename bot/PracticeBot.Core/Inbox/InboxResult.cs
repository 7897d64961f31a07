namespace PracticeBot.Core.Inbox;

/// <summary>What a handler reports for one row.</summary>
/// <param name="Error">Why it failed, for <see cref="InboxMessage.LastError"/>: never content a person wrote.</param>
public sealed record InboxResult(InboxOutcome Outcome, string? Error = null)
{
    public static readonly InboxResult Done = new(InboxOutcome.Done);

    public static InboxResult TryLater(string error) => new(InboxOutcome.TryLater, error);

    public static InboxResult Failed(string error) => new(InboxOutcome.Failed, error);
}
