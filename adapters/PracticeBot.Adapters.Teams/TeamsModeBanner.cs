using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PracticeBot.Adapters.Teams;

/// <summary>Says at start-up how <c>/api/messages</c> is guarded, so nobody runs local mode in public by accident.</summary>
public sealed partial class TeamsModeBanner(IOptions<TeamsOptions> options, ILogger<TeamsModeBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsConfigured)
        {
            LogAuthenticated(logger, TeamsExtensions.Path, options.Value.AppId!);
        }
        else if (options.Value.IsLocalMode)
        {
            LogLocalMode(logger, TeamsExtensions.Path);
        }
        else
        {
            LogOff(logger, TeamsExtensions.Path);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams local mode (no Teams:AppId, local mode on): {Path} accepts unauthenticated activities from direct loopback connections with loopback service URLs only, for the Agents Playground and tests")]
    private static partial void LogLocalMode(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams is not configured (no Teams:AppId) and local mode is off: {Path} refuses every activity")]
    private static partial void LogOff(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams: {Path} requires Bot Framework tokens for app {AppId}")]
    private static partial void LogAuthenticated(ILogger logger, string path, string appId);
}
