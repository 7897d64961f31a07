using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace PracticeBot.Host.Security;

/// <summary>Fails the start with a message that names the key when the configured certificate cannot be used.</summary>
public sealed class KeyRingOptionsValidator : IValidateOptions<KeyRingOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyRingOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return ValidateOptionsResult.Success;
        }

        var key = $"{KeyRingOptions.SectionName}:{nameof(KeyRingOptions.CertificatePath)}";
        if (!File.Exists(options.CertificatePath))
        {
            return ValidateOptionsResult.Fail($"{key} names a file that does not exist: {options.CertificatePath}");
        }

        try
        {
            using var certificate = KeyRingCertificate.Load(options);
            return certificate.HasPrivateKey
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{key}: the certificate has no private key, so the keys it encrypts could not be read back.");
        }
        catch (CryptographicException)
        {
            return ValidateOptionsResult.Fail(
                $"{key} could not be opened as a PKCS#12 file with {KeyRingOptions.SectionName}:{nameof(KeyRingOptions.CertificatePassword)}.");
        }
    }
}
