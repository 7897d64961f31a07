using PracticeBot.Adapters.Slack.Tests.TestSupport;

namespace PracticeBot.Host.Tests.TestSupport;

/// <summary>Environment variables for a <see cref="HostProcess"/>, composed per concern: <c>Postgres(db).With(Slack(fake))</c>.</summary>
public static class HostSettings
{
    /// <summary>The bot on a PostgreSQL database, without the demo practice, delivering the outbox briskly, logging little.</summary>
    public static Dictionary<string, string> Postgres(string connectionString) => new()
    {
        ["Database__Provider"] = "postgres",
        ["ConnectionStrings__PracticeBot"] = connectionString,
        ["Demo__Enabled"] = "false",
        ["Outbox__PollInterval"] = "00:00:00.200",
        ["Outbox__BaseDelay"] = "00:00:00.500",
        // The content root is a temp folder without appsettings.json: the same quiet defaults it has.
        ["Logging__LogLevel__Default"] = "Information",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging__LogLevel__Quartz"] = "Warning",
    };

    /// <summary>Single-workspace Slack over HTTP with the Web API at <paramref name="slack"/> (signing secret and token of <see cref="SlackTestData"/>).</summary>
    public static Dictionary<string, string> Slack(FakeSlackApi slack) => new()
    {
        ["Slack__SigningSecret"] = SlackTestData.SigningSecret,
        ["Slack__BotToken"] = SlackTestData.BotToken,
        ["Slack__ApiBaseUrl"] = slack.ApiBaseUrl,
    };

    /// <summary>These settings with <paramref name="more"/> added (later ones win).</summary>
    public static Dictionary<string, string> With(this Dictionary<string, string> settings, IReadOnlyDictionary<string, string> more)
    {
        var all = new Dictionary<string, string>(settings);
        foreach (var (key, value) in more)
        {
            all[key] = value;
        }

        return all;
    }

    /// <summary>These settings with one more.</summary>
    public static Dictionary<string, string> With(this Dictionary<string, string> settings, string key, string value) =>
        settings.With(new Dictionary<string, string> { [key] = value });
}
