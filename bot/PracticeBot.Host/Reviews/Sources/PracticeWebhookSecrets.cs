using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using PracticeBot.Core.Practices;

namespace PracticeBot.Host.Reviews.Sources;

/// <summary>Each practice's webhook secret, encrypted with ASP.NET Core Data Protection in the practice's settings.</summary>
public sealed class PracticeWebhookSecrets(IDataProtectionProvider protection) : IWebhookSecretVault
{
    private readonly IDataProtector _protector = protection.CreateProtector("PracticeBot.Reviews.WebhookSecret.v1");

    public string RevealOrCreate(Practice practice)
    {
        if (Reveal(practice) is { } existing)
        {
            return existing;
        }

        var secret = "pbw_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        practice.Settings.ProtectedWebhookSecret = _protector.Protect(secret);
        return secret;
    }

    public string? Reveal(Practice practice)
    {
        if (practice.Settings.ProtectedWebhookSecret is not { Length: > 0 } stored)
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            return null; // keys lost or rotated away: a manager gets a new secret with `practice settings`
        }
    }
}
