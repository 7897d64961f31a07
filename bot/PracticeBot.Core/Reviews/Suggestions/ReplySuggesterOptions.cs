namespace PracticeBot.Core.Reviews.Suggestions;

/// <summary>The core's side of the <c>AI</c> section: the host sets it from its validated <c>AiOptions</c>.</summary>
public sealed class ReplySuggesterOptions
{
    /// <summary>
    /// The whole suggestion, retry included, gets this long; then the template is used. Teams waits about 15 s for a
    /// turn and a Slack turn past its 3 s ack answers through response_url, so the default leaves room for the rest.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
