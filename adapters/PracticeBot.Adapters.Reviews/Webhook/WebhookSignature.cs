using System.Security.Cryptography;
using System.Text;

namespace PracticeBot.Adapters.Reviews.Webhook;

/// <summary><c>X-PracticeBot-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body&gt;</c>, compared in constant time.</summary>
public static class WebhookSignature
{
    public const string Header = "X-PracticeBot-Signature";
    private const string Prefix = "sha256=";

    /// <summary>The signature bytes of the header, or null when it is missing or not <c>sha256=&lt;64 hex digits&gt;</c>.</summary>
    public static byte[]? Parse(string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + 64)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static bool Matches(ReadOnlySpan<byte> body, byte[] signature, string? secret) =>
        !string.IsNullOrEmpty(secret) && CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body), signature);

    /// <summary>The header value for a body (senders, tests and the example in docs/review-sources.md compute the same).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
