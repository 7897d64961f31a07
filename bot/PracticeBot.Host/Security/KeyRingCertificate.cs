using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PracticeBot.Host.Security;

internal static class KeyRingCertificate
{
    public static X509Certificate2 Load(KeyRingOptions options) =>
        X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath!, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);

    /// <summary>The configured certificate, or null when there is none or it cannot be opened (validation then says why).</summary>
    public static X509Certificate2? TryLoad(KeyRingOptions? options)
    {
        if (options is not { CertificatePath: { Length: > 0 } path } || !File.Exists(path))
        {
            return null;
        }

        try
        {
            return Load(options);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
