namespace PracticeBot.Core.Reviews.Sources;

/// <param name="Error">Why it did not work, for people; null when it did.</param>
public sealed record ReplyPublishResult(bool Succeeded, string? Error)
{
    public static readonly ReplyPublishResult Done = new(true, null);

    public static ReplyPublishResult Failed(string error) => new(false, error);
}
