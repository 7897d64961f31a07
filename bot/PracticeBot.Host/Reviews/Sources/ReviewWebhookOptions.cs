namespace PracticeBot.Host.Reviews.Sources;

/// <summary>
/// <c>Sources:Webhook:*</c>: the deployment-wide HMAC secret of the review webhook (each practice also has its own), its
/// body limit and its rate limits.
/// </summary>
public sealed class ReviewWebhookOptions
{
    public const string SectionName = "Sources:Webhook";

    public string? Secret { get; set; }
    /// <summary>Larger bodies are refused with 413 before they are read.</summary>
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    public const int DefaultMaxBodyBytes = 256 * 1024;

    /// <summary><c>Sources:Webhook:RateLimit:*</c>.</summary>
    public WebhookRateLimitOptions RateLimit { get; set; } = new();
}
