using System.Security.Cryptography;

namespace PracticeBot.Host.Security;

/// <summary>The key of <see cref="KeyRingOptions.KeyFilePath"/>: 32 bytes, written in the file as base64.</summary>
internal static class KeyFile
{
    public const int KeyBytes = 32;

    public const string HowToMakeOne = "openssl rand -base64 32 > keyring.key";

    /// <summary>The key, or the reason it cannot be used (for the start-up message; never the key itself).</summary>
    public static (byte[]? Key, string? Problem) TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return (null, $"names a file that does not exist: {path} (make one with `{HowToMakeOne}`)");
        }

        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"could not be read: {path} ({ex.GetType().Name})");
        }

        var key = new byte[KeyBytes];
        return Convert.TryFromBase64String(text, key, out var written) && written == KeyBytes
            ? (key, null)
            : (null, $"must hold exactly {KeyBytes} random bytes in base64 (make one with `{HowToMakeOne}`)");
    }

    /// <summary>A short, non-secret name of the key, stored with each encrypted key so a wrong file is named as such.</summary>
    public static string Thumbprint(byte[] key) => Convert.ToHexString(SHA256.HashData(key).AsSpan(0, 8)).ToLowerInvariant();
}
