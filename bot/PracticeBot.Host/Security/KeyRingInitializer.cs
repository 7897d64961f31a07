using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Storage;

namespace PracticeBot.Host.Security;

/// <summary>
/// Makes the key ring's first key before Data Protection reads the ring, once for all instances. Left to itself, each
/// instance that starts on an empty database at the same moment makes a key of its own, and one that read the ring
/// before another's key was stored could not decrypt what that other instance encrypts until its daily refresh.
/// On PostgreSQL an advisory lock lets one instance make the key while the others wait and then find it.
/// </summary>
public sealed partial class KeyRingInitializer(
    IServiceScopeFactory scopes,
    IKeyManager keys,
    IOptions<KeyManagementOptions> keyOptions,
    IOptions<DatabaseOptions> database,
    IOptions<KeyRingOptions> keyRing,
    TimeProvider time,
    ILogger<KeyRingInitializer> logger) : IHostedService
{
    /// <summary>Waits for the advisory lock whose key ("PracKeys" as a 64-bit number) no other code of the bot uses.</summary>
    private const string LockSql = "SELECT pg_advisory_xact_lock(5796802749473847667)";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!keyRing.Value.ProtectsKeys)
        {
            // Outside Development the validator has stopped the start already; here it is allowed, and said out loud.
            LogUnprotected(logger);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        if (!database.Value.IsPostgres)
        {
            // SQLite serves one instance: nobody to race with.
            await CreateFirstKeyAsync(db, cancellationToken);
            return;
        }

        // The lock lasts as long as this transaction; the key itself is stored (and committed) by the repository.
        await using var transaction = await db.BeginUnitOfWorkAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(LockSql, cancellationToken);
        await CreateFirstKeyAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CreateFirstKeyAsync(PracticeBotDb db, CancellationToken cancellationToken)
    {
        if (await db.ProtectionKeys.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        var key = keys.CreateNewKey(now, now + keyOptions.Value.NewKeyLifetime);
        LogCreated(logger, key.KeyId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Data Protection key ring is stored unencrypted in the database (Development only): set DataProtection:KeyFilePath or DataProtection:CertificatePath before running anywhere else")]
    private static partial void LogUnprotected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first Data Protection key {KeyId} in the database")]
    private static partial void LogCreated(ILogger logger, Guid keyId);
}
