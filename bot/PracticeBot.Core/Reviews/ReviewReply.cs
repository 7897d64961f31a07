namespace PracticeBot.Core.Reviews;

/// <summary>A reply to a review, from first draft to published. Its text may carry health information: never log it.</summary>
public sealed class ReviewReply
{
    public long Id { get; set; }
    public long PracticeId { get; set; }
    public long ReviewId { get; set; }
    public long AuthorMemberId { get; set; }
    public required string Text { get; set; }
    /// <summary>
    /// This text's version: a new one on every change of <see cref="Text"/>. Approval cards and Publish buttons carry it,
    /// so a click on a card of an older text is refused instead of acting on text nobody saw.
    /// </summary>
    public string Version { get; set; } = NewVersion();
    /// <summary>The <see cref="Version"/> a manager (or the no-approval rule) approved; only that text is ever published.</summary>
    public string? ApprovedVersion { get; set; }
    public ReplyStatus Status { get; set; }
    public long? ApprovedByMemberId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>While publishing: the end of the hold during which anyone can cancel (later, the sweep's lease).</summary>
    public DateTimeOffset? PublishAfter { get; set; }

    /// <summary>Approved, and the text is still the one that was approved.</summary>
    public bool IsApprovedAsItIs => Status is ReplyStatus.Approved or ReplyStatus.Sending && ApprovedVersion == Version;

    public static string NewVersion() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>Sets new text: a new version, and any approval of the old text no longer counts.</summary>
    public void Revise(string text)
    {
        Text = text;
        Version = NewVersion();
        ApprovedVersion = null;
        ApprovedByMemberId = null;
    }
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
