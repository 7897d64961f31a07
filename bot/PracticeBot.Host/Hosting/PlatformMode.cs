namespace PracticeBot.Host.Hosting;

/// <summary>
/// Which chat platforms this deployment is configured for, and whether local mode was chosen. Local mode (the local
/// chat, Teams without authentication) is never implied by a missing key alone: it is on by default only in
/// Development with no chat platform configured, or when the operator sets <c>LocalMode:Enabled=true</c>.
/// </summary>
public sealed record PlatformMode(bool SlackConfigured, bool TeamsConfigured, bool LocalMode)
{
    public const string LocalModeKey = "LocalMode:Enabled";

    /// <summary>No chat platform configured at all (the demo practice's default).</summary>
    public bool NoPlatform => !SlackConfigured && !TeamsConfigured;

    public static PlatformMode From(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var slack = new[] { "Slack:SigningSecret", "Slack:BotToken", "Slack:AppToken", "Slack:ClientId" }
            .Any(k => !string.IsNullOrWhiteSpace(configuration[k]));
        var teams = !string.IsNullOrWhiteSpace(configuration["Teams:AppId"]);
        var local = configuration.GetValue<bool?>(LocalModeKey) ?? (!slack && !teams && environment.IsDevelopment());
        return new PlatformMode(slack, teams, local);
    }
}
