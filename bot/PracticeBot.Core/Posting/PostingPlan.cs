namespace PracticeBot.Core.Posting;

/// <summary>How often the practice means to post, where, and when the duty is due.</summary>
public sealed class PostingPlan
{
    public long Id { get; set; }
    public long PracticeId { get; set; }
    public int PostsPerWeek { get; set; }
    /// <summary>facebook, instagram, linkedin, …</summary>
    public List<string> Networks { get; set; } = [];
    public List<DayOfWeek> Weekdays { get; set; } = [];
    public TimeOnly DueLocalTime { get; set; } = new(12, 0);
    public bool Paused { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>
    /// The secret in the iCalendar feed's URL (random per practice, so a guessed practice id shows nothing), encrypted
    /// by <see cref="IPostingCalendarTokens"/>; never in clear here.
    /// </summary>
    public string ProtectedCalendarToken { get; set; } = "";
}
