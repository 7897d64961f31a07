namespace PracticeBot.Core.Posting;

/// <summary>One post due on one day, assigned to one volunteer; once done, the record of what was posted.</summary>
public sealed class PostingSlot
{
    public long Id { get; set; }
    public long PracticeId { get; set; }
    public long PlanId { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>Orders the slots of one day (a plan of more than seven posts a week has days with two).</summary>
    public int Sequence { get; set; }
    public string? Network { get; set; }
    public long? AssigneeMemberId { get; set; }
    public SlotStatus Status { get; set; }
    public DateTimeOffset? AssignedAt { get; set; }
    /// <summary>The idea suggested in the reminders, so both reminders suggest the same one.</summary>
    public string? IdeaKey { get; set; }
    public DateTimeOffset? DayBeforeReminderAt { get; set; }
    public DateTimeOffset? MorningReminderAt { get; set; }
    /// <summary>Members who skipped this slot: the next fair volunteer is chosen among the others.</summary>
    public List<long> SkippedBy { get; set; } = [];
    public string? PostUrl { get; set; }
    public long? DoneByMemberId { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public DateTimeOffset? MissedAt { get; set; }
}
