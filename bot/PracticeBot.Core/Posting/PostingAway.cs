namespace PracticeBot.Core.Posting;

/// <summary>A volunteer's days off the rotation (<c>posting away 2026-12-21 2026-12-28</c>), both dates included.</summary>
public sealed class PostingAway
{
    public long Id { get; set; }
    public long PracticeId { get; set; }
    public long MemberId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public bool Covers(DateOnly date) => From <= date && date <= To;
}
