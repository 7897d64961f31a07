using PracticeBot.Core.Scheduling;
using PracticeBot.Host.Storage;
using Quartz;

namespace PracticeBot.Host.Scheduling;

public static class SchedulingExtensions
{
    /// <summary>
    /// Quartz with its triggers in the bot's own database (tables created on first start); clustered on
    /// PostgreSQL so that several instances fire each trigger once.
    /// </summary>
    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        var database = DatabaseOptions.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddTransient<ScheduleEventJob>();
        builder.Services.AddSingleton<IBotScheduler, QuartzBotScheduler>();
        builder.AddQuartz(q =>
        {
            q.AddTriggerListener<MisfireCounter>();
            if (string.IsNullOrWhiteSpace(database.ConnectionString))
            {
                // The database options fail validation at start and say which key is missing; until then, nothing to store in.
                q.UseInMemoryStore();
                return;
            }

            q.UsePersistentStore(store =>
            {
                if (database.IsPostgres)
                {
                    store.UsePostgres(database.ConnectionString);
                    // Each node needs an id of its own: clustering generates one per start (host name and time) as long as
                    // none is set. A literal id, even "AUTO", would be shared by every instance and break fail-over.
                    store.UseClustering();
                }
                else
                {
                    store.UseSqlite(database.ConnectionString);
                }

                store.ProvisionSchema();
            });
        });
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        // After the scheduler has started (hosted services start in order): every practice's triggers in line.
        builder.Services.AddHostedService<PracticeScheduleSync>();
        builder.Services.AddHealthChecks().AddQuartz(o => o.Name = "scheduler");
        return builder;
    }
}
