using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using PracticeBot.Core.Reviews.Sources.Connections;

namespace PracticeBot.Host.Reviews.Sources;

/// <summary>Source credentials (refresh tokens, page tokens, PKCE verifiers) encrypted with the host's Data Protection key ring.</summary>
public sealed class SourceSecrets(IDataProtectionProvider protection) : ISourceSecrets
{
    private readonly IDataProtector _protector = protection.CreateProtector("PracticeBot.Reviews.SourceCredential.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string? Unprotect(string? protectedSecret)
    {
        if (string.IsNullOrEmpty(protectedSecret))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null; // keys lost: the manager reconnects
        }
    }
}
