using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PracticeBot.Core.Demo;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Demo;

namespace PracticeBot.Host.Storage;

/// <summary>Creates and migrates the database before anything else starts, then seeds the demo practice if enabled.</summary>
public sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> database,
    IOptions<DemoOptions> demo,
    TimeProvider time,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    // "PracMigr" as a 64-bit number: a key no other code of the bot uses (the key ring has its own).
    internal const long MigrationLockKey = 5796802749507659634;
    private const string LockSql = "SELECT pg_advisory_lock(5796802749507659634)";
    private const string UnlockSql = "SELECT pg_advisory_unlock(5796802749507659634)";

    /// <summary>How long taking the migration lock, and each migration command under it, may take at a start.</summary>
    public static readonly TimeSpan MigrationCommandTimeout = TimeSpan.FromMinutes(5);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!database.Value.IsPostgres)
        {
            EnsureSqliteDirectory(database.Value.ConnectionString!);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        // Migrate also builds the last migration's model and diffs it against the current one, most of its time at a
        // start with nothing to apply. A database that has every migration skips it (the history table is still read);
        // the model check is left to a new database's first start and to MigrationsTests. A migrating instance
        // leaves its migrations pending until each commits, so another instance still waits on Migrate's lock.
        if (database.Value.IsPostgres)
        {
            await MigrateUnderLockAsync(db, cancellationToken);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (!database.Value.IsPostgres)
        {
            // Readers do not block the writer, and the scheduler and the bot share the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (demo.Value.Enabled && await DemoPractice.EnsureSeededAsync(db, time, cancellationToken))
        {
            LogDemoSeeded(logger, DemoPractice.Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// EF Core's own migration lock on PostgreSQL is held per migration transaction, so two instances starting together
    /// on a database that lacks two migrations could both apply the second ("column … already exists"). A session
    /// advisory lock around the whole check-and-migrate makes the second instance wait, then find nothing pending.
    /// </summary>
    /// <remarks>
    /// The wait for the lock lasts as long as the other instance migrates, which on a slow or busy machine outlasts the
    /// ordinary command timeout (<c>Database:CommandTimeout</c>, 10 s): the lock and the migrations it guards get
    /// <see cref="MigrationCommandTimeout"/> instead, so a second instance waits rather than failing to start. A holder
    /// that dies releases the lock with its connection.
    /// </remarks>
    private static async Task MigrateUnderLockAsync(PracticeBotDb db, CancellationToken cancellationToken)
    {
        var ordinary = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(MigrationCommandTimeout);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync(LockSql, cancellationToken);
            try
            {
                if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
                {
                    await db.Database.MigrateAsync(cancellationToken);
                }
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync(UnlockSql, CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            db.Database.SetCommandTimeout(ordinary);
        }
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo practice '{Name}'")]
    private static partial void LogDemoSeeded(ILogger logger, string name);
}
