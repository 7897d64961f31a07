using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace PracticeBot.Host.Security;

/// <summary>
/// Encrypts each Data Protection key with the key of <see cref="KeyRingOptions.KeyFilePath"/> (AES-256-GCM, a fresh
/// nonce per key) before it is stored in the database. Read back by <see cref="KeyFileXmlDecryptor"/>.
/// </summary>
public sealed class KeyFileXmlEncryptor(byte[] key) : IXmlEncryptor
{
    internal const string ElementName = "keyFileEncrypted";
    internal const int NonceBytes = 12;
    internal const int TagBytes = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagBytes];
        using (var aes = new AesGcm(key, TagBytes))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(ElementName,
            new XAttribute("keyFile", KeyFile.Thumbprint(key)),
            new XComment(" This key is encrypted with DataProtection:KeyFilePath. "),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(KeyFileXmlDecryptor));
    }
}
