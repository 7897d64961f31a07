namespace PracticeBot.Adapters.Reviews.Facebook;

/// <summary>A practice's Facebook page and the page access token that may read its recommendations.</summary>
public sealed class FacebookPage
{
    public string PageId { get; set; } = "";
    public string? PageToken { get; set; }
}
