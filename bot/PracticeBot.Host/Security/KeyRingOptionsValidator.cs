using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace PracticeBot.Host.Security;

/// <summary>
/// Fails the start with a message that names the key when the configured certificate or key file cannot be used, and
/// outside Development when neither is configured: the key ring would be stored in clear in the database it protects.
/// </summary>
public sealed class KeyRingOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<KeyRingOptions>
{
    private const string Certificate = $"{KeyRingOptions.SectionName}:{nameof(KeyRingOptions.CertificatePath)}";
    private const string KeyFilePath = $"{KeyRingOptions.SectionName}:{nameof(KeyRingOptions.KeyFilePath)}";

    public ValidateOptionsResult Validate(string? name, KeyRingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hasCertificate = !string.IsNullOrWhiteSpace(options.CertificatePath);
        var hasKeyFile = !string.IsNullOrWhiteSpace(options.KeyFilePath);
        if (hasCertificate && hasKeyFile)
        {
            return ValidateOptionsResult.Fail($"Set one of {Certificate} and {KeyFilePath}, not both: each key of the ring is encrypted one way.");
        }

        if (hasKeyFile)
        {
            return KeyFile.TryRead(options.KeyFilePath!) is { Problem: { } problem }
                ? ValidateOptionsResult.Fail($"{KeyFilePath} {problem}")
                : ValidateOptionsResult.Success;
        }

        if (hasCertificate)
        {
            return ValidateCertificate(options);
        }

        return environment is null || environment.IsDevelopment()
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"The Data Protection key ring (which encrypts bot tokens and secrets) would be stored unencrypted in the database it protects. " +
                $"In {environment.EnvironmentName}, set {KeyFilePath} to a file of 32 random bytes in base64 kept outside the database " +
                $"(`{KeyFile.HowToMakeOne}`), or {Certificate} (and {KeyRingOptions.SectionName}:{nameof(KeyRingOptions.CertificatePassword)}) to a PKCS#12 certificate. " +
                "For a local try-out, run in Development (ASPNETCORE_ENVIRONMENT=Development).");
    }

    private static ValidateOptionsResult ValidateCertificate(KeyRingOptions options)
    {
        if (!File.Exists(options.CertificatePath))
        {
            return ValidateOptionsResult.Fail($"{Certificate} names a file that does not exist: {options.CertificatePath}");
        }

        try
        {
            using var certificate = KeyRingCertificate.Load(options);
            return certificate.HasPrivateKey
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{Certificate}: the certificate has no private key, so the keys it encrypts could not be read back.");
        }
        catch (CryptographicException)
        {
            return ValidateOptionsResult.Fail(
                $"{Certificate} could not be opened as a PKCS#12 file with {KeyRingOptions.SectionName}:{nameof(KeyRingOptions.CertificatePassword)}.");
        }
    }
}
