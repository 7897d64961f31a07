namespace PracticeBot.Host.Reviews;

/// <summary><c>Sources:Webhook:Secret</c>: the deployment-wide HMAC secret of the review webhook (each practice also has its own).</summary>
public sealed class ReviewWebhookOptions
{
    public const string SectionName = "Sources:Webhook";

    public string? Secret { get; set; }
    /// <summary>Larger bodies are refused with 413 before they are read.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;
}
