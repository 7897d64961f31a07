using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PracticeBot.Adapters.Slack.Events;

/// <summary>
/// Slack's request signing (v0): <c>v0=</c> + hex HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c> keyed with the
/// signing secret. The timestamp must be within five minutes of our clock, so a captured request cannot be replayed
/// later; the comparison takes the same time wherever the signatures differ.
/// </summary>
public sealed class SlackSignature(string signingSecret, TimeProvider time)
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private const string Version = "v0";
    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingSecret);

    /// <summary>True when the headers prove Slack sent exactly <paramref name="body"/>, recently.</summary>
    public bool IsValid(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)Window.TotalSeconds)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[3 + (2 * 32)];
        Compute(timestamp, body, expected);
        Span<byte> given = stackalloc byte[expected.Length];
        if (Encoding.ASCII.GetByteCount(signature) != expected.Length)
        {
            return false;
        }

        Encoding.ASCII.GetBytes(signature, given);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The <c>X-Slack-Signature</c> value for a request (tests, the load script's twin, Socket Mode fakes).</summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> signature = stackalloc byte[3 + (2 * 32)];
        Compute(timestamp, body, signature);
        return Encoding.ASCII.GetString(signature);
    }

    private void Compute(string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var prefix = Encoding.ASCII.GetBytes($"{Version}:{timestamp}:");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        Span<byte> mac = stackalloc byte[32];
        hmac.GetHashAndReset(mac);
        "v0="u8.CopyTo(destination);
        const string hex = "0123456789abcdef";
        for (var i = 0; i < mac.Length; i++)
        {
            destination[3 + (2 * i)] = (byte)hex[mac[i] >> 4];
            destination[4 + (2 * i)] = (byte)hex[mac[i] & 0xF];
        }
    }
}
