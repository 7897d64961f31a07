using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace PracticeBot.Host.Security;

/// <summary>
/// Reads back a key that <see cref="KeyFileXmlEncryptor"/> stored. Data Protection creates it through its
/// <see cref="IServiceProvider"/> constructor whenever it meets an encrypted key in the ring.
/// </summary>
public sealed class KeyFileXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var options = services.GetRequiredService<IOptions<KeyRingOptions>>().Value;
        if (options.KeyFilePath is not { Length: > 0 } path || KeyFile.TryRead(path) is not { Key: { } key })
        {
            throw new CryptographicException($"A Data Protection key was encrypted with a key file, but {KeyRingOptions.SectionName}:{nameof(KeyRingOptions.KeyFilePath)} is not set to a usable one.");
        }

        if ((string?)encryptedElement.Attribute("keyFile") is { } thumbprint && thumbprint != KeyFile.Thumbprint(key))
        {
            throw new CryptographicException($"A Data Protection key was encrypted with another key file than {KeyRingOptions.SectionName}:{nameof(KeyRingOptions.KeyFilePath)} ({thumbprint}, not {KeyFile.Thumbprint(key)}).");
        }

        var nonce = Convert.FromBase64String((string?)encryptedElement.Element("nonce") ?? "");
        var tag = Convert.FromBase64String((string?)encryptedElement.Element("tag") ?? "");
        var ciphertext = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        if (nonce.Length != KeyFileXmlEncryptor.NonceBytes || tag.Length != KeyFileXmlEncryptor.TagBytes)
        {
            throw new CryptographicException("A key-file-encrypted Data Protection key is malformed.");
        }

        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(key, KeyFileXmlEncryptor.TagBytes))
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext);
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
