using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PracticeBot.Host.Storage;

/// <summary>For <c>dotnet ef migrations add X --context SqlitePracticeBotDb</c>; no database is opened.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePracticeBotDb>
{
    public SqlitePracticeBotDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePracticeBotDb>().UseSqlite(DatabaseOptions.DefaultSqliteConnectionString).Options);
}

/// <summary>For <c>dotnet ef migrations add X --context PostgresPracticeBotDb</c>; no database is opened.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPracticeBotDb>
{
    public PostgresPracticeBotDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPracticeBotDb>().UseNpgsql("Host=127.0.0.1;Database=practicebot").Options);
}
