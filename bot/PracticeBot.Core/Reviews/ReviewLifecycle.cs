namespace PracticeBot.Core.Reviews;

/// <summary>
/// The review lifecycle as one table: new → claimed → drafted → awaiting approval → approved → publishing → replied
/// → resolved, plus escalated and no-reply-needed. Handlers ask it before every change; refusals explain the state.
/// </summary>
public static class ReviewLifecycle
{
    private static readonly Dictionary<ReviewStep, ReviewStatus[]> From = new()
    {
        [ReviewStep.Claim] = [ReviewStatus.New],
        [ReviewStep.Release] = [ReviewStatus.Claimed, ReviewStatus.Drafted],
        // Editing while approval is asked for or given withdraws it: the new text is a new version (ReviewReply.Revise).
        [ReviewStep.Draft] = [ReviewStatus.New, ReviewStatus.Claimed, ReviewStatus.Drafted, ReviewStatus.AwaitingApproval, ReviewStatus.Approved],
        [ReviewStep.SubmitForApproval] = [ReviewStatus.Drafted],
        [ReviewStep.Approve] = [ReviewStatus.AwaitingApproval],
        [ReviewStep.Reject] = [ReviewStatus.AwaitingApproval],
        [ReviewStep.Publish] = [ReviewStatus.Drafted, ReviewStatus.Approved],
        [ReviewStep.MarkReplied] = [ReviewStatus.Approved, ReviewStatus.Publishing],
        [ReviewStep.Escalate] = [ReviewStatus.New, ReviewStatus.Claimed, ReviewStatus.Drafted, ReviewStatus.AwaitingApproval],
        [ReviewStep.NoReplyNeeded] = [ReviewStatus.New, ReviewStatus.Claimed],
        [ReviewStep.CancelPublish] = [ReviewStatus.Publishing],
        [ReviewStep.Resolve] =
        [
            ReviewStatus.New, ReviewStatus.Claimed, ReviewStatus.Drafted, ReviewStatus.AwaitingApproval, ReviewStatus.Approved,
            ReviewStatus.Replied, ReviewStatus.Escalated, ReviewStatus.NoReplyNeeded,
        ],
    };

    public static IReadOnlyList<ReviewStatus> AllowedFrom(ReviewStep step) => From[step];

    public static bool Allows(ReviewStep step, ReviewStatus status) => From[step].Contains(status);

    /// <summary>Why <paramref name="step"/> can't happen to review <paramref name="number"/> now, in the words people read.</summary>
    public static string Refusal(ReviewStep step, ReviewStatus status, int number) => (step, status) switch
    {
        (ReviewStep.Reject, ReviewStatus.New or ReviewStatus.Claimed) =>
            $"Review #{number} has no draft to reject: nobody has drafted a reply yet. `review reply {number}` drafts one.",
        (ReviewStep.Reject, ReviewStatus.Drafted) =>
            $"The draft of review #{number} isn't waiting for approval, so there is nothing to reject; its author is still working on it.",
        _ => $"Review #{number} is {Describe(status)}, so it can't be {Verb(step)} now.",
    };

    public static string Describe(ReviewStatus status) => status switch
    {
        ReviewStatus.New => "new",
        ReviewStatus.Claimed => "claimed",
        ReviewStatus.Drafted => "drafted",
        ReviewStatus.AwaitingApproval => "waiting for approval",
        ReviewStatus.Approved => "approved",
        ReviewStatus.Publishing => "being published",
        ReviewStatus.Replied => "already replied",
        ReviewStatus.Resolved => "resolved",
        ReviewStatus.Escalated => "with operations",
        ReviewStatus.NoReplyNeeded => "marked as needing no reply",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Verb(ReviewStep step) => step switch
    {
        ReviewStep.Claim => "claimed",
        ReviewStep.Release => "released",
        ReviewStep.Draft => "drafted",
        ReviewStep.SubmitForApproval => "sent for approval",
        ReviewStep.Approve => "approved",
        ReviewStep.Reject => "rejected",
        ReviewStep.Publish => "published",
        ReviewStep.MarkReplied => "marked replied",
        ReviewStep.Escalate => "escalated",
        ReviewStep.Resolve => "resolved",
        ReviewStep.NoReplyNeeded => "marked as needing no reply",
        ReviewStep.CancelPublish => "stopped from publishing",
        _ => step.ToString().ToLowerInvariant(),
    };
}
