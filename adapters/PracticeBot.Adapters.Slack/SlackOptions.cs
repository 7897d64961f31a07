namespace PracticeBot.Adapters.Slack;

/// <summary>Slack credentials and endpoints. Bound from the <c>Slack</c> section; validated at start-up.</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    /// <summary>Verifies that HTTP requests come from Slack (Basic Information → Signing Secret).</summary>
    public string? SigningSecret { get; set; }

    /// <summary><c>xoxb-…</c>: the single workspace's bot token; OAuth installs bring their own per workspace.</summary>
    public string? BotToken { get; set; }

    /// <summary><c>xapp-…</c> with <c>connections:write</c>: when set, the bot connects over Socket Mode.</summary>
    public string? AppToken { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Slack's Web API root; tests point it at a local fake.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Where Slack's OAuth v2 consent screen is.</summary>
    public string AuthorizeUrl { get; set; } = "https://slack.com/oauth/v2/authorize";

    /// <summary>How long a command or button may run before the bot acknowledges it and answers later.</summary>
    public TimeSpan AckBudget { get; set; } = TimeSpan.FromMilliseconds(2500);

    /// <summary>
    /// Bodies larger than this are refused with 413 before they are read to the end. Slack's requests are a few KB;
    /// the largest, a button press on a long message, stays well under the default. The same cap applies to one Socket
    /// Mode message as it is reassembled from its frames.
    /// </summary>
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    public const int DefaultMaxBodyBytes = 256 * 1024;

    public bool SocketMode => !string.IsNullOrWhiteSpace(AppToken);

    public bool Configured =>
        !string.IsNullOrWhiteSpace(SigningSecret) || !string.IsNullOrWhiteSpace(BotToken)
        || !string.IsNullOrWhiteSpace(AppToken) || !string.IsNullOrWhiteSpace(ClientId);
}
