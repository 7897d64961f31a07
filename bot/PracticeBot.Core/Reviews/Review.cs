namespace PracticeBot.Core.Reviews;

/// <summary>An online review of the practice. Its text may carry health information: never log it.</summary>
public sealed class Review
{
    public long Id { get; set; }
    public long PracticeId { get; set; }
    /// <summary>Short per-practice number staff type: <c>review claim 12</c>.</summary>
    public int Number { get; set; }
    /// <summary>google, yelp, facebook, healthgrades, vitals, ratemds, …</summary>
    public required string Source { get; set; }
    public required string ExternalId { get; set; }
    /// <summary>1–5 stars, or null for a recommendation-only source.</summary>
    public int? Rating { get; set; }
    /// <summary>positive / negative, for sources that recommend instead of rating.</summary>
    public string? Recommendation { get; set; }
    public string? Author { get; set; }
    public string? Text { get; set; }
    public string? Url { get; set; }
    public string? Location { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public ReviewStatus Status { get; set; }
    public long? ClaimedByMemberId { get; set; }
    /// <summary>Triage: the first complaint category (wait-time, front-office, …), when one applies.</summary>
    public string? Category { get; set; }
    /// <summary>Triage: every complaint category the text matched, in catalogue order.</summary>
    public List<string> Categories { get; set; } = [];
    public bool Urgent { get; set; }
    /// <summary>Triage: the text reads as abuse or trolling; the advice is to report it to the platform, not to reply.</summary>
    public bool SuspectedAbuse { get; set; }
    /// <summary>The reviewer changed the text or rating after it first arrived.</summary>
    public bool Edited { get; set; }
    /// <summary>
    /// When the source last changed it, as the source says (its <c>updatedAt</c>, else its <c>createdAt</c>): a copy of
    /// the review older than this is ignored, so a delayed or replayed webhook body never overwrites a newer one.
    /// </summary>
    public DateTimeOffset? SourceUpdatedAt { get; set; }
    /// <summary>How it arrived: only a polled review of the practice's own location is answered through the source's API.</summary>
    public ReviewOrigin Origin { get; set; }
    /// <summary>
    /// For a polled review, the configured source location it was read from (Google <c>accounts/…/locations/…</c>, a
    /// Yelp business id, a Facebook page id); null for pushed reviews. Publishing checks it is still the practice's.
    /// </summary>
    public string? SourceLocation { get; set; }
    /// <summary>An owner reply was seen on the source itself (made there, or published by the bot).</summary>
    public bool RepliedOnSource { get; set; }

    public bool IsNegative => Rating is <= 2 || string.Equals(Recommendation, "negative", StringComparison.OrdinalIgnoreCase);
}
