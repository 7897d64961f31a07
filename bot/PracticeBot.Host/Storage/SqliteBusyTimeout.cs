using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PracticeBot.Host.Storage;

/// <summary>
/// Makes SQLite itself wait for the write lock on every connection the bot opens (its busy timeout, as long as the
/// connection's command timeout). Without it SQLite answers "busy" at once, and Microsoft.Data.Sqlite retries the
/// statement only after sleeping 150 ms: a turn that met another writer's commit waited 150 ms or a multiple of it (Teams
/// messages, whose replies are written to the outbox while the deliverer writes too, had a median latency over 120 ms
/// under load). SQLite's own wait polls in steps of a few milliseconds, so the lock is taken soon after it is free.
/// Set on the native handle (what <c>PRAGMA busy_timeout</c> sets), so opening a connection runs no statement for it.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Set(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Set(connection);
        return Task.CompletedTask;
    }

    private static void Set(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } sqlite)
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, (int)Math.Min(sqlite.DefaultTimeout * 1000L, int.MaxValue));
        }
    }
}
