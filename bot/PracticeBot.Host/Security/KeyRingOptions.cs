namespace PracticeBot.Host.Security;

/// <summary>
/// The Data Protection key ring. Its keys are always kept in the bot's database (one ring for every instance); a
/// certificate or a key file, when configured, encrypts each key before it is stored. Outside Development one of the
/// two is required: a ring stored in clear next to what it protects protects nothing from whoever reads the database.
/// </summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with a private key that encrypts the keys at rest. Production setting.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>
    /// A file holding 32 random bytes in base64 (<c>openssl rand -base64 32</c>) that encrypts the keys at rest
    /// (AES-256-GCM). Production setting, the simpler alternative to a certificate; every instance needs the same file.
    /// </summary>
    public string? KeyFilePath { get; set; }

    public bool ProtectsKeys => !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(KeyFilePath);
}
