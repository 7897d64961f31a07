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
    /// <summary>While publishing: the end of the hold during which anyone can cancel (later, the sweep's lease).</summary>
    public DateTimeOffset? PublishAfter { get; set; }
}

public enum ReplyStatus
{
    Draft,
    AwaitingApproval,
    Approved,
    /// <summary>Being sent to the source now; <see cref="ReviewReply.PublishAfter"/> is the sender's lease.</summary>
    Sending,
    Rejected,
    Published,
    Cancelled,
}
