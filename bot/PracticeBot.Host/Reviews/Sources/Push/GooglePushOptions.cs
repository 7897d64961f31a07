namespace PracticeBot.Host.Reviews.Sources.Push;

/// <summary>
/// <c>Sources:Google:PubSub</c>: how <c>POST /api/reviews/google/pubsub</c> checks the push subscription's OIDC token —
/// the audience set on the subscription, the service account it signs as, and where Google publishes its signing keys.
/// </summary>
public sealed class GooglePushOptions
{
    public const string SectionName = "Sources:Google:PubSub";

    /// <summary>The subscription's audience (by default Pub/Sub uses the push endpoint's URL). Unset: the endpoint answers 404.</summary>
    public string? Audience { get; set; }

    /// <summary>The service account of the push subscription; the token's verified <c>email</c> must be it.</summary>
    public string? ServiceAccountEmail { get; set; }

    public string JwksUrl { get; set; } = "https://www.googleapis.com/oauth2/v3/certs";

    public string[] Issuers { get; set; } = ["https://accounts.google.com", "accounts.google.com"];

    public TimeSpan KeysCacheFor { get; set; } = TimeSpan.FromHours(1);

    public int MaxBodyBytes { get; set; } = 65536;

    public bool Enabled => !string.IsNullOrWhiteSpace(Audience) && !string.IsNullOrWhiteSpace(ServiceAccountEmail);
}
