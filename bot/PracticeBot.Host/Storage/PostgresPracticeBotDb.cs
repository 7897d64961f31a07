using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Storage;

namespace PracticeBot.Host.Storage;

/// <summary>The PostgreSQL flavour of the bot's database; its migrations live in Storage/Migrations/Postgres.</summary>
public sealed class PostgresPracticeBotDb(DbContextOptions<PostgresPracticeBotDb> options) : PracticeBotDb(options)
{
    protected override IReadOnlyList<IModelContributor> ModelContributors => PlatformModels.All;
}
