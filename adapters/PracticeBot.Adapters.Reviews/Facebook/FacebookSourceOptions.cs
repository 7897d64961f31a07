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
