namespace PracticeBot.Host.Reviews.Sources;

/// <summary>
/// <c>Sources:Webhook:RateLimit</c>: how many webhook requests each practice may send per window (counted after the
/// signature is verified), and, before anything is read, how many any one address may send (a coarse guard against
/// floods of unauthenticated traffic).
/// </summary>
public sealed class WebhookRateLimitOptions
{
    public int PermitsPerPractice { get; set; } = 120;
    public int PermitsPerAddress { get; set; } = 1200;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
