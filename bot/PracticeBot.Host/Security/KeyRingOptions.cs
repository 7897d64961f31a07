namespace PracticeBot.Host.Security;

/// <summary>
/// The Data Protection key ring. Its keys are always kept in the bot's database (one ring for every instance); a
/// certificate, when configured, encrypts each key before it is stored.
/// </summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with a private key that encrypts the keys at rest. Production setting.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}
