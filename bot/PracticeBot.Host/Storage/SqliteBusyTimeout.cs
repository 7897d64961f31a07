using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PracticeBot.Host.Storage;

/// <summary>
/// Makes SQLite itself wait for the write lock on every connection the bot opens (<c>PRAGMA busy_timeout</c>, as long as
/// the connection's command timeout). Without it SQLite answers "busy" at once, and Microsoft.Data.Sqlite retries the
/// statement only after sleeping 150 ms: a turn that met another writer's commit waited 150 ms or a multiple of it (Teams
/// messages, whose replies are written to the outbox while the deliverer writes too, had a median latency over 120 ms
/// under load). SQLite's own wait polls in steps of a few milliseconds, so the lock is taken soon after it is free.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection);
        command?.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection);
        if (command is not null)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbCommand? Command(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return null;
        }

        var command = sqlite.CreateCommand();
        var milliseconds = (long)sqlite.DefaultTimeout * 1000;
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {milliseconds};");
        return command;
    }
}
