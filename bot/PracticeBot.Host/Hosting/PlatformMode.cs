namespace PracticeBot.Host.Hosting;

/// <summary>Which chat platforms this deployment is configured for. None configured means local mode.</summary>
public sealed record PlatformMode(bool SlackConfigured, bool TeamsConfigured)
{
    public bool IsLocal => !SlackConfigured && !TeamsConfigured;

    public static PlatformMode From(IConfiguration configuration) => new(
        SlackConfigured: new[] { "Slack:SigningSecret", "Slack:BotToken", "Slack:AppToken", "Slack:ClientId" }
            .Any(k => !string.IsNullOrWhiteSpace(configuration[k])),
        TeamsConfigured: !string.IsNullOrWhiteSpace(configuration["Teams:AppId"]));
}
