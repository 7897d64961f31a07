namespace PracticeBot.Adapters.Reviews.Yelp;

/// <summary>
/// <c>Sources:Yelp</c>: the Fusion API key, the daily call budget, and each practice's business id by slug
/// (<c>Sources:Yelp:Practices:sunrise-family-medicine=the-business-id</c>).
/// </summary>
public sealed class YelpSourceOptions
{
    public const string SectionName = "Sources:Yelp";

    public string BaseUrl { get; set; } = "https://api.yelp.com/";
    public string? ApiKey { get; set; }
    /// <summary>Calls per day this deployment may make, whatever Yelp would allow; Yelp's own lower limit wins.</summary>
    public int DailyBudget { get; set; } = 300;
    public Dictionary<string, string> Practices { get; set; } = [];
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromHours(1);
    public int PageSize { get; set; } = 3;
    public int MaxPages { get; set; } = 3;

    public bool Configured => Practices.Count > 0;

    internal IEnumerable<string> Problems()
    {
        if (!Configured)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return $"{SectionName}:ApiKey is required when {SectionName}:Practices lists businesses.";
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out _))
        {
            yield return $"{SectionName}:BaseUrl must be an absolute URL.";
        }

        if (DailyBudget < 1)
        {
            yield return $"{SectionName}:DailyBudget must be at least 1.";
        }
    }
}
