namespace PracticeBot.Core.Posting;

/// <summary>One post due on one day, assigned to one volunteer.</summary>
public sealed class PostingSlot
{
    public long Id { get; set; }
    public long PracticeId { get; set; }
    public long PlanId { get; set; }
    public DateOnly Date { get; set; }
    public string? Network { get; set; }
    public long? AssigneeMemberId { get; set; }
    public SlotStatus Status { get; set; }
    public string? PostUrl { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
}

public enum SlotStatus
{
    Open,
    Assigned,
    Done,
    Skipped,
}
