namespace PracticeBot.Host.Health;

/// <summary>Health check tags: a check tagged <see cref="ReadyOnly"/> is in <c>/healthz/ready</c> but not <c>/healthz</c>.</summary>
public static class HealthTags
{
    public const string ReadyOnly = "ready-only";
}
