namespace PracticeBot.Core.Reviews.Sources.Connections;

/// <summary>Encrypts source credentials at rest (the host uses its Data Protection key ring).</summary>
public interface ISourceSecrets
{
    string Protect(string secret);

    /// <summary>The secret, or null when it can no longer be decrypted (keys lost).</summary>
    string? Unprotect(string? protectedSecret);
}
