namespace PracticeBot.Core.Practices;

/// <summary>
/// Keeps each practice's own review-webhook secret, encrypted at rest by the host. <see cref="RevealOrCreate"/> makes
/// one the first time a manager needs it and stores it (encrypted) in the practice's settings.
/// </summary>
public interface IWebhookSecretVault
{
    /// <summary>The practice's secret in clear, for a manager's eyes only; created on first use.</summary>
    string RevealOrCreate(Practice practice);

    /// <summary>The practice's secret in clear, or null when it has none (or it cannot be decrypted any more).</summary>
    string? Reveal(Practice practice);
}
