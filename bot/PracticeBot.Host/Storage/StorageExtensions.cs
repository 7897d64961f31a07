using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Demo;
using PracticeBot.Host.Hosting;

namespace PracticeBot.Host.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// The bot's database on the configured provider, migrated on start, with the demo practice seeded when enabled.
    /// Nothing is read from configuration here: a bad value fails validation at start with the key named.
    /// </summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DatabaseOptions>()
            .Configure<IConfiguration, IHostEnvironment>((o, configuration, environment) =>
            {
                var read = DatabaseOptions.From(configuration, environment.ContentRootPath);
                o.Provider = read.Provider;
                o.ConnectionString = read.ConnectionString;
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddOptions<DemoOptions>()
            .Configure<IConfiguration, PlatformMode>((o, configuration, mode) =>
                o.Enabled = configuration.GetValue<bool?>($"{DemoOptions.SectionName}:Enabled") ?? mode.NoPlatform);

        // Pooled: a chat turn is a few short queries, and setting up a fresh context (its internal services, its
        // connection object, SQLite's functions registered on it) cost more than the queries. A leased context comes
        // back reset by EF Core; the practice scope, our own state, is cleared here so every unit of work starts unscoped.
        services.AddPooledDbContextFactory<SqlitePracticeBotDb>((sp, o) => o.UseSqlite(ConnectionString(sp)).AddInterceptors(SqliteBusyTimeout.Instance));
        services.AddPooledDbContextFactory<PostgresPracticeBotDb>((sp, o) => o.UseNpgsql(ConnectionString(sp)));
        services.AddScoped<PracticeBotDb>(sp =>
        {
            PracticeBotDb db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
                ? sp.GetRequiredService<IDbContextFactory<PostgresPracticeBotDb>>().CreateDbContext()
                : sp.GetRequiredService<IDbContextFactory<SqlitePracticeBotDb>>().CreateDbContext();
            db.PracticeScope = null;
            return db;
        });

        // Registered before the scheduler and the delivery worker, so both start on a migrated database.
        services.AddHostedService<DatabaseInitializer>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    private static string ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString!;
}
