using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews.Sources.Connections;

/// <summary>The practice's sources connected from chat, with their credentials decrypted only for the connector that reads them.</summary>
public sealed class ConnectedSources(PracticeBotDb db, ISourceSecrets? secrets = null)
{
    private ISourceSecrets Secrets => secrets ?? throw new InvalidOperationException("Source credentials need the host's key ring (ISourceSecrets).");

    /// <summary>How long a consent link stays usable.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The connected account of the practice for <paramref name="source"/>, or null when none is connected.</summary>
    public async Task<ConnectedAccount?> FindAsync(long practiceId, string source, CancellationToken ct)
    {
        var row = await db.SourceConnections.AsNoTracking()
            .SingleOrDefaultAsync(c => c.PracticeId == practiceId && c.Source == source && c.Status == SourceConnectionStatus.Connected, ct);
        return row is null ? null : Account(row);
    }

    /// <summary>
    /// True when <paramref name="location"/> is the practice's location of <paramref name="source"/> connected from chat
    /// now (synchronous: <see cref="IReviewReplyPublisher.Serves"/> asks it when a reply is about to go out).
    /// </summary>
    public bool IsConnectedLocation(long practiceId, string source, string location) =>
        db.SourceConnections.AsNoTracking().Any(c => c.PracticeId == practiceId && c.Source == source
                                                     && c.Status == SourceConnectionStatus.Connected && c.Location == location);

    /// <summary>The connected account of a row, decrypted; its secret is null when it cannot be decrypted any more.</summary>
    public ConnectedAccount? Account(SourceConnection row) => row.Status == SourceConnectionStatus.Connected && row.Location is { Length: > 0 } location
        ? new ConnectedAccount(location, row.LocationLabel, row.ProtectedSecret is null ? null : Secrets.Unprotect(row.ProtectedSecret), row.Account)
        : null;

    public string Protect(string secret) => Secrets.Protect(secret);

    public string? Unprotect(string? protectedSecret) => Secrets.Unprotect(protectedSecret);

    public IReadOnlyList<LocationChoice> Choices(SourceConnection row)
    {
        if (Secrets.Unprotect(row.ProtectedChoices) is not { } json)
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<LocationChoice>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public string ProtectChoices(IReadOnlyList<LocationChoice> choices) => Secrets.Protect(JsonSerializer.Serialize(choices));

    /// <summary>The state parameter is stored only as this hash, so a database reader cannot complete someone's consent.</summary>
    public static string HashState(string state) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state)));

    /// <summary>A random URL-safe value (state parameter, PKCE verifier: 43 characters from 32 random bytes).</summary>
    public static string RandomToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
