using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Storage;

namespace PracticeBot.Host.Storage;

/// <summary>The SQLite flavour of the bot's database; its migrations live in Storage/Migrations/Sqlite.</summary>
public sealed class SqlitePracticeBotDb(DbContextOptions<SqlitePracticeBotDb> options) : PracticeBotDb(options)
{
    protected override IReadOnlyList<IModelContributor> ModelContributors => PlatformModels.All;
}
