namespace PracticeBot.Core.Reviews.Sources.Connections;

/// <summary>
/// A review source a manager connected from chat for one practice (<c>practice connect google</c>): the account, the
/// location (Google <c>accounts/…/locations/…</c>, Facebook page id, Yelp business id) and its credential, encrypted with
/// the host's Data Protection key ring. While an authorization is under way it also holds the pending state (stored as a
/// hash, single use, expiring) and the PKCE verifier.
/// </summary>
public sealed class SourceConnection
{
    public long Id { get; set; }
    public long PracticeId { get; set; }
    /// <summary><see cref="IReviewSource.Name"/>: google, facebook, yelp.</summary>
    public required string Source { get; set; }
    public SourceConnectionStatus Status { get; set; }
    /// <summary>The account that consented, as the provider names it (shown in <c>practice sources</c>).</summary>
    public string? Account { get; set; }
    /// <summary>The practice's own location: Google <c>accounts/{a}/locations/{l}</c>, Facebook page id, Yelp business id.</summary>
    public string? Location { get; set; }
    public string? LocationLabel { get; set; }
    /// <summary>The refresh token (Google) or page token (Facebook), encrypted; null for Yelp.</summary>
    public string? ProtectedSecret { get; set; }
    /// <summary>While <see cref="SourceConnectionStatus.Choosing"/>: the locations the account manages (encrypted JSON, page tokens included).</summary>
    public string? ProtectedChoices { get; set; }
    /// <summary>SHA-256 (hex) of the pending authorization's state parameter; null once used.</summary>
    public string? StateHash { get; set; }
    public string? StatePlatform { get; set; }
    public string? StateUserId { get; set; }
    public DateTimeOffset? StateExpiresAt { get; set; }
    /// <summary>The PKCE code verifier of the pending authorization, encrypted.</summary>
    public string? ProtectedVerifier { get; set; }
    /// <summary>Who finished connecting it (platform user id).</summary>
    public string? ConnectedBy { get; set; }
    public DateTimeOffset? ConnectedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Facebook page health: the followers counted at the weekly check-in of <see cref="FollowersWeek"/>.</summary>
    public int? Followers { get; set; }
    /// <summary>The check-in week (<c>2026-W49</c>) of <see cref="Followers"/>.</summary>
    public string? FollowersWeek { get; set; }
    /// <summary>The followers counted at the check-in before, for the change since last week.</summary>
    public int? PreviousFollowers { get; set; }
}

public enum SourceConnectionStatus
{
    /// <summary>A link was sent; nothing is connected yet.</summary>
    Authorizing,
    /// <summary>The account consented; a manager still picks the practice's own location.</summary>
    Choosing,
    Connected,
}
