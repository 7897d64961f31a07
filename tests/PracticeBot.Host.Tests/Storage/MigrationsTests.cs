using Microsoft.EntityFrameworkCore;
using PracticeBot.Host.Storage;

namespace PracticeBot.Host.Tests.Storage;

/// <summary>
/// A model change without its migration fails here. The host does not rely on <c>Migrate</c>'s own check at every
/// start: on a database that has every migration it skips <c>Migrate</c>, and with it that check.
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Model_Sqlite_HasNoChangesSinceTheLastMigration()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "the model changed: dotnet ef migrations add <Name> --context SqlitePracticeBotDb");
    }

    [Fact]
    public void Model_Postgres_HasNoChangesSinceTheLastMigration()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "the model changed: dotnet ef migrations add <Name> --context PostgresPracticeBotDb");
    }
}
