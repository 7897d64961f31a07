using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace PracticeBot.Adapters.Slack.Install;

/// <summary>
/// The OAuth <c>state</c>: a random nonce and an expiry, encrypted and signed with Data Protection. The nonce is also
/// set in a cookie, so a state is only good in the browser that started the install, and only for ten minutes.
/// </summary>
public sealed class OAuthState(IDataProtectionProvider protection, TimeProvider time)
{
    public const string CookieName = "practicebot_slack_oauth";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private IDataProtector Protector => protection.CreateProtector("PracticeBot.Slack.OAuthState.v1");

    public (string State, string Nonce) Create()
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var payload = JsonSerializer.Serialize(new Payload(nonce, (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds()));
        return (Protector.Protect(payload), nonce);
    }

    public bool IsValid(string? state, string? cookieNonce)
    {
        if (string.IsNullOrEmpty(state) || string.IsNullOrEmpty(cookieNonce))
        {
            return false;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(Protector.Unprotect(state));
            return payload is not null
                && payload.Expires >= time.GetUtcNow().ToUnixTimeSeconds()
                && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(payload.Nonce), System.Text.Encoding.ASCII.GetBytes(cookieNonce));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return false;
        }
    }

    private sealed record Payload(string Nonce, long Expires);
}
