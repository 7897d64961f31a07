using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PracticeBot.Core.Storage;
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
                o.Enabled = configuration.GetValue<bool?>($"{DemoOptions.SectionName}:Enabled") ?? mode.IsLocal);

        services.AddDbContext<SqlitePracticeBotDb>((sp, o) => o.UseSqlite(ConnectionString(sp)));
        services.AddDbContext<PostgresPracticeBotDb>((sp, o) => o.UseNpgsql(ConnectionString(sp)));
        services.AddScoped<PracticeBotDb>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres
            ? sp.GetRequiredService<PostgresPracticeBotDb>()
            : sp.GetRequiredService<SqlitePracticeBotDb>());

        // Registered before the scheduler and the delivery worker, so both start on a migrated database.
        services.AddHostedService<DatabaseInitializer>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    private static string ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString!;
}
