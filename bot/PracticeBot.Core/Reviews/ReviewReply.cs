namespace PracticeBot.Core.Reviews;

/// <summary>A reply to a review, from first draft to published. Its text may carry health information: never log it.</summary>
public sealed class ReviewReply
{
    public long Id { get; set; }
    public long PracticeId { get; set; }
    public long ReviewId { get; set; }
    public long AuthorMemberId { get; set; }
    public required string Text { get; set; }
    public ReplyStatus Status { get; set; }
    public long? ApprovedByMemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}

public enum ReplyStatus
{
    Draft,
    AwaitingApproval,
    Approved,
    Rejected,
    Published,
    Cancelled,
}
