namespace PracticeBot.Adapters.Reviews.Google;

/// <summary>
/// <c>Sources:Google</c>: OAuth client and refresh token of an account that manages the locations, and the
/// locations of each practice by slug (<c>Sources:Google:Practices:sunrise-family-medicine:0:Name=accounts/1/locations/2</c>).
/// </summary>
public sealed class GoogleSourceOptions
{
    public const string SectionName = "Sources:Google";

    public string BaseUrl { get; set; } = "https://mybusiness.googleapis.com/";
    public string TokenEndpoint { get; set; } = "https://oauth2.googleapis.com/token";
    /// <summary>Where a manager consents when connecting from chat (<c>practice connect google</c>).</summary>
    public string AuthorizationEndpoint { get; set; } = "https://accounts.google.com/o/oauth2/v2/auth";
    public string RevokeEndpoint { get; set; } = "https://oauth2.googleapis.com/revoke";
    /// <summary>Account Management API (the accounts a signed-in person manages).</summary>
    public string AccountsBaseUrl { get; set; } = "https://mybusinessaccountmanagement.googleapis.com/";
    /// <summary>Business Information API (the locations of an account).</summary>
    public string BusinessInformationBaseUrl { get; set; } = "https://mybusinessbusinessinformation.googleapis.com/";
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? RefreshToken { get; set; }
    public Dictionary<string, List<GoogleLocation>> Practices { get; set; } = [];
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>The API allows at most 50.</summary>
    public int PageSize { get; set; } = 50;
    /// <summary>
    /// Pages read per location and sync. The first sync reads at most <c>MaxPages × PageSize</c> reviews per location;
    /// older history is brought in with the CSV import.
    /// </summary>
    public int MaxPages { get; set; } = 20;

    public bool Configured => Practices.Count > 0;

    internal IEnumerable<string> Problems()
    {
        if (!Configured)
        {
            yield break;
        }

        foreach (var (key, value) in new[] { ("ClientId", ClientId), ("ClientSecret", ClientSecret), ("RefreshToken", RefreshToken) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"{SectionName}:{key} is required when {SectionName}:Practices lists locations.";
            }
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out _))
        {
            yield return $"{SectionName}:BaseUrl must be an absolute URL.";
        }

        if (!Uri.TryCreate(TokenEndpoint, UriKind.Absolute, out _))
        {
            yield return $"{SectionName}:TokenEndpoint must be an absolute URL.";
        }

        if (PageSize is < 1 or > 50)
        {
            yield return $"{SectionName}:PageSize must be 1 to 50.";
        }

        foreach (var (slug, locations) in Practices)
        {
            if (locations.Any(l => !l.Name.StartsWith("accounts/", StringComparison.Ordinal) || !l.Name.Contains("/locations/", StringComparison.Ordinal)))
            {
                yield return $"{SectionName}:Practices:{slug} has a location whose Name is not accounts/{{account}}/locations/{{location}}.";
            }
        }
    }
}
