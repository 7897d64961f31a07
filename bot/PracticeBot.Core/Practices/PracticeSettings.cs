namespace PracticeBot.Core.Practices;

/// <summary>Per-practice knobs, stored as one JSON column so new settings need no migration.</summary>
public sealed class PracticeSettings
{
    /// <summary>Day of the weekly check-in, in the practice's time zone.</summary>
    public DayOfWeek CheckInDay { get; set; } = DayOfWeek.Monday;
    /// <summary>Local time of the weekly check-in.</summary>
    public TimeOnly CheckInTime { get; set; } = new(9, 0);
    /// <summary>How soon every review should have a first response.</summary>
    public int ResponseTargetHours { get; set; } = 72;
    /// <summary>How soon a negative review should have a first response.</summary>
    public int UrgentResponseTargetHours { get; set; } = 24;
    /// <summary>Replies to reviews of this many stars or fewer need a manager's approval; negative reviews always do.</summary>
    public int ApprovalAtOrBelowStars { get; set; } = 3;
    /// <summary>How long a reply waits, cancellable, before it goes out through a source's API.</summary>
    public int PublishHoldMinutes { get; set; } = 10;
    /// <summary>The practice's own reply templates by key (a complaint category, or negative / positive / neutral).</summary>
    public Dictionary<string, string> ReplyTemplates { get; set; } = [];
    /// <summary>How suggested replies sound: <see cref="ReplyTones.Warm"/> (default), formal or brief.</summary>
    public string ReplyTone { get; set; } = ReplyTones.Warm;
    /// <summary>
    /// The sentence of a suggested reply that invites the reviewer to get in touch (the office's own number, say).
    /// Null: <see cref="Reviews.ReplyTemplates.DefaultContactLine"/>.
    /// </summary>
    public string? ContactLine { get; set; }
    /// <summary>Every reply needs a manager's approval.</summary>
    public bool ApproveEveryReply { get; set; }
    /// <summary>The practice's own post ideas (<c>posting ideas add …</c>), suggested with the built-in ones.</summary>
    public List<string> PostIdeas { get; set; } = [];
    /// <summary>The key of the idea suggested last, so the next suggestion is a different one.</summary>
    public string? LastPostIdea { get; set; }
    /// <summary>
    /// The practice's own triage phrases, by category id (<c>wait-time</c>, <c>billing</c>, …, or a new id for a category
    /// of its own), added to the built-in phrase model.
    /// </summary>
    public Dictionary<string, List<string>> ExtraCategoryPhrases { get; set; } = [];
    /// <summary>
    /// Quiet hours in the practice's time zone: non-urgent review cards and reminders wait until they end. Null: no quiet hours.
    /// </summary>
    public TimeOnly? QuietHoursStart { get; set; }
    public TimeOnly? QuietHoursEnd { get; set; }
    /// <summary>How responders hear of an urgent review: <c>dm</c> (default), <c>mention</c> in the channel, or <c>off</c>.</summary>
    public string UrgentAlerts { get; set; } = "dm";
    /// <summary>Who hears of an urgent review: <c>responders</c> (default), <c>managers</c> or <c>both</c>.</summary>
    public string UrgentAlertsTo { get; set; } = "responders";
    /// <summary>The practice's own review-webhook secret, encrypted by the host (never stored or logged in clear).</summary>
    public string? ProtectedWebhookSecret { get; set; }
    /// <summary>Stall rule: posts below plan this many weeks in a row.</summary>
    public int StallBelowPlanWeeks { get; set; } = 2;
    /// <summary>Stall rule: no post at all for this many days while the plan is on.</summary>
    public int StallNoPostDays { get; set; } = 14;
    /// <summary>Stall rule: fewer volunteers than this who are not away, while the plan is on.</summary>
    public int StallMinActiveVolunteers { get; set; } = 1;
    /// <summary>Stall rule: a claimed review nobody has touched for this many days.</summary>
    public int StallClaimedUntouchedDays { get; set; } = 3;
    /// <summary>Stall rule: a review source without a successful sync for this many days.</summary>
    public int StallSourceUnsyncedDays { get; set; } = 2;
    /// <summary>The plan was paused from a check-in nudge until this local date; the weekly check-in resumes it then.</summary>
    public DateOnly? PostingPausedUntil { get; set; }
}
