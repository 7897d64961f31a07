using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PracticeBot.Host.Health;
using PracticeBot.Host.Security;

namespace PracticeBot.Host.Hosting;

public static class HostDefaults
{
    /// <summary>Where the bot listens unless <c>ASPNETCORE_URLS</c> (or <c>--urls</c>) says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:3978";

    public static WebApplicationBuilder AddPracticeBotDefaults(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddSingleton(TimeProvider.System);
        var mode = PlatformMode.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(mode);
        // The Teams adapter cannot tell on its own: local mode depends on the environment and on the other platforms.
        builder.Services.PostConfigure<PracticeBot.Adapters.Teams.TeamsOptions>(o => o.LocalModeEnabled = mode.LocalMode);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        builder.Services.AddHostedService<StartupBanner>();
        builder.Services.AddHostedService<StartupHeapTrim>();
        builder.Services.HoldRequestLinesAtWarning();
        builder.Services.PostConfigure<HealthCheckServiceOptions>(TimeBoundHealthCheck.Apply);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<UnhandledExceptionHandler>();
        return builder;
    }

    /// <summary>First in the pipeline: every exception an endpoint lets through is answered by <see cref="UnhandledExceptionHandler"/>.</summary>
    public static WebApplication UseFailureResponses(this WebApplication app)
    {
        app.UseExceptionHandler();
        return app;
    }

    /// <summary>
    /// Runs the app; a configuration that fails validation ends the process with the failures spelled out and
    /// exit code 1, not a stack trace.
    /// </summary>
    public static async Task<int> RunOrExplainAsync(this WebApplication app)
    {
        try
        {
            // Validated before the host starts, so a bad setting is reported once, plainly, and not also logged as a crash.
            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("PracticeBot cannot start, its configuration is incomplete:");
            foreach (var failure in ex.Failures)
            {
                await Console.Error.WriteLineAsync($"  - {failure}");
            }

            return 1;
        }
    }
}
