using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using PracticeBot.Host.Demo;
using PracticeBot.Host.Storage;

namespace PracticeBot.Host.Hosting;

/// <summary>Says, in one line once the bot listens, where it is and how to talk to it.</summary>
public sealed partial class StartupBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    IOptions<DatabaseOptions> database,
    IOptions<DemoOptions> demo,
    PlatformMode mode,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? HostDefaults.DefaultUrl;
            var platforms = mode.NoPlatform && mode.LocalMode
                ? $"local mode: try `curl -s {address}/api/local/chat -d help`"
                : mode.NoPlatform
                    ? $"no chat platform configured and local mode off (set Slack:* or Teams:*, or {PlatformMode.LocalModeKey}=true)"
                    : string.Join(" and ", new[] { mode.SlackConfigured ? "Slack" : null, mode.TeamsConfigured ? "Teams" : null }.OfType<string>())
                      + (mode.LocalMode ? ", local mode on" : "");
            if (!logger.IsEnabled(LogLevel.Information))
            {
                return;
            }

            var where = database.Value.Describe();
            LogStarted(logger, address, where, demo.Value.Enabled ? "demo practice on" : "no demo", platforms);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "PracticeBot is listening on {Address} ({Database}, {Demo}); {Platforms}")]
    private static partial void LogStarted(ILogger logger, string address, string database, string demo, string platforms);
}
