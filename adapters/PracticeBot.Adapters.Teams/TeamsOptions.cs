namespace PracticeBot.Adapters.Teams;

/// <summary>
/// <c>Teams:*</c>: the Bot Framework registration. With no <see cref="AppId"/> the adapter runs in local mode (no
/// authentication, direct loopback callers and loopback service URLs only: the Agents Playground, tests) when the host
/// turned local mode on (<see cref="LocalModeEnabled"/>); otherwise <c>/api/messages</c> refuses every activity.
/// </summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";
    public const string MicrosoftOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string MicrosoftTokenEndpoint = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string BotFrameworkScope = "https://api.botframework.com/.default";

    public string? AppId { get; set; }
    public string? AppPassword { get; set; }
    /// <summary>Set for a single-tenant bot: tokens come from this tenant, and its Entra issuers are accepted.</summary>
    public string? TenantId { get; set; }
    public string OpenIdMetadataUrl { get; set; } = MicrosoftOpenIdMetadataUrl;
    public string TokenEndpoint { get; set; } = MicrosoftTokenEndpoint;

    /// <summary>Activities larger than this are refused with 413 before they are read to the end (Teams caps a message near 100 KB).</summary>
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    public const int DefaultMaxBodyBytes = 256 * 1024;

    /// <summary>
    /// Set by the host, not by a <c>Teams:*</c> key: whether local mode was chosen (<c>LocalMode:Enabled</c>, or by default
    /// in Development with no chat platform configured). Never implied by a missing app id alone.
    /// </summary>
    public bool LocalModeEnabled { get; set; }

    /// <summary>True when the bot has a Bot Framework registration: every activity must carry a valid token.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>Unauthenticated activities from this machine are taken: no app id, and local mode chosen.</summary>
    public bool IsLocalMode => !IsConfigured && LocalModeEnabled;

    /// <summary>The token endpoint to use: a single-tenant bot asks its own tenant unless an endpoint was configured.</summary>
    public string EffectiveTokenEndpoint =>
        !string.IsNullOrWhiteSpace(TenantId) && TokenEndpoint == MicrosoftTokenEndpoint
            ? $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token"
            : TokenEndpoint;

    /// <summary>Issuers accepted on inbound tokens.</summary>
    public IReadOnlyList<string> ValidIssuers => string.IsNullOrWhiteSpace(TenantId)
        ? [BotFrameworkIssuer]
        : [BotFrameworkIssuer, $"https://sts.windows.net/{TenantId}/", $"https://login.microsoftonline.com/{TenantId}/v2.0"];
}
