namespace PracticeBot.Adapters.Reviews.Facebook;

/// <summary>
/// <c>Sources:Facebook</c>: the Graph API version and each practice's page by slug
/// (<c>Sources:Facebook:Practices:sunrise-family-medicine:PageId</c> and <c>…:PageToken</c>).
/// </summary>
public sealed class FacebookSourceOptions
{
    public const string SectionName = "Sources:Facebook";

    public string BaseUrl { get; set; } = "https://graph.facebook.com/";
    /// <summary>Recommendations are retired from v22.0 on (error 12): the source then reports itself unavailable.</summary>
    public string ApiVersion { get; set; } = "v21.0";
    public Dictionary<string, FacebookPage> Practices { get; set; } = [];
    /// <summary>The Facebook app that managers connect pages to from chat, and whose secret signs its webhooks.</summary>
    public string? AppId { get; set; }
    public string? AppSecret { get; set; }
    /// <summary>What the webhook verification handshake must send as <c>hub.verify_token</c>.</summary>
    public string? VerifyToken { get; set; }
    /// <summary>Where the Login dialog is (<c>{DialogBaseUrl}{ApiVersion}/dialog/oauth</c>).</summary>
    public string DialogBaseUrl { get; set; } = "https://www.facebook.com/";
    /// <summary>Permissions asked when connecting: list the pages, read their recommendations, posts and insights, subscribe to webhooks.</summary>
    public string Scopes { get; set; } = "pages_show_list,pages_read_engagement,pages_read_user_content,read_insights,pages_manage_metadata";
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(30);
    public int PageSize { get; set; } = 25;
    public int MaxPages { get; set; } = 10;

    public bool Configured => Practices.Count > 0;

    internal IEnumerable<string> Problems()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out _))
        {
            yield return $"{SectionName}:BaseUrl must be an absolute URL.";
        }

        foreach (var (slug, page) in Practices)
        {
            if (string.IsNullOrWhiteSpace(page.PageId))
            {
                yield return $"{SectionName}:Practices:{slug}:PageId is required.";
            }

            if (string.IsNullOrWhiteSpace(page.PageToken))
            {
                yield return $"{SectionName}:Practices:{slug}:PageToken is required.";
            }
        }
    }
}
