namespace PracticeBot.Core.Practices;

/// <summary>Per-practice knobs, stored as one JSON column so new settings need no migration.</summary>
public sealed class PracticeSettings
{
    /// <summary>Day of the weekly check-in, in the practice's time zone.</summary>
    public DayOfWeek CheckInDay { get; set; } = DayOfWeek.Monday;
    /// <summary>Local time of the weekly check-in.</summary>
    public TimeOnly CheckInTime { get; set; } = new(9, 0);
    /// <summary>How soon every review should have a first response.</summary>
    public int ResponseTargetHours { get; set; } = 48;
    /// <summary>How soon a negative review should have a first response.</summary>
    public int UrgentResponseTargetHours { get; set; } = 24;
    /// <summary>Replies to reviews of this many stars or fewer need a manager's approval; negative reviews always do.</summary>
    public int ApprovalAtOrBelowStars { get; set; } = 3;
    /// <summary>Every reply needs a manager's approval.</summary>
    public bool ApproveEveryReply { get; set; }
    /// <summary>The practice's own post ideas (<c>posting ideas add …</c>), suggested with the built-in ones.</summary>
    public List<string> PostIdeas { get; set; } = [];
    /// <summary>The key of the idea suggested last, so the next suggestion is a different one.</summary>
    public string? LastPostIdea { get; set; }
}
