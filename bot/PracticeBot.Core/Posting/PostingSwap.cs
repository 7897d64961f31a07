namespace PracticeBot.Core.Posting;

/// <summary>A proposal that another volunteer takes one slot; they accept or decline it.</summary>
public sealed class PostingSwap
{
    public long Id { get; set; }
    public long PracticeId { get; set; }
    public long SlotId { get; set; }
    public long FromMemberId { get; set; }
    public long ToMemberId { get; set; }
    public SwapStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}
