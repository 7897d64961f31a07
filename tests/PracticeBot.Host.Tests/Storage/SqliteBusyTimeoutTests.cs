using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Storage;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Storage;

/// <summary>Every SQLite connection of the host waits in SQLite for the write lock instead of sleeping 150 ms per retry.</summary>
public sealed class SqliteBusyTimeoutTests
{
    [Fact]
    public async Task Host_SqliteConnection_WaitsForTheWriteLockAsLongAsItsCommandTimeout()
    {
        using var file = new TempDatabaseFile();
        await using var host = new BotFactory(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false")));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();

        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();

        Assert.Equal(connection.DefaultTimeout * 1000L, await BusyTimeoutAsync(connection));
        Assert.True(connection.DefaultTimeout > 0);
    }

    [Fact]
    public async Task Interceptor_SecondWriter_WaitsInSqliteAndWritesOnceTheFirstCommits()
    {
        using var file = new TempDatabaseFile();
        Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
        await using var first = new SqliteConnection($"Data Source={file.Path}");
        await first.OpenAsync();
        await Execute(first, "PRAGMA journal_mode=WAL; CREATE TABLE t (x INTEGER);");
        var options = new DbContextOptionsBuilder<DbContext>().UseSqlite($"Data Source={file.Path}").AddInterceptors(SqliteBusyTimeout.Instance).Options;
        await using var second = new DbContext(options);

        await using var held = (SqliteTransaction)await first.BeginTransactionAsync(); // BEGIN IMMEDIATE: the write lock
        await second.Database.OpenConnectionAsync();
        var waiting = Task.Run(() => second.Database.ExecuteSqlRaw("INSERT INTO t VALUES (2);"));
        await Execute(first, "INSERT INTO t VALUES (1);", held);
        await held.CommitAsync();
        await waiting;

        Assert.Equal(2L, await Scalar(first, "SELECT count(*) FROM t;"));
        Assert.Equal(30_000L, await BusyTimeoutAsync((SqliteConnection)second.Database.GetDbConnection()));
    }

    private static async Task<long> BusyTimeoutAsync(SqliteConnection connection) => await Scalar(connection, "PRAGMA busy_timeout;");

    private static async Task<long> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync();
    }
}
