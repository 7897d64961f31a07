namespace PracticeBot.Core.Reviews;

/// <summary>What someone can do to a review; <see cref="ReviewLifecycle"/> says from which states.</summary>
public enum ReviewStep
{
    Claim,
    Release,
    Draft,
    SubmitForApproval,
    Approve,
    Reject,
    Publish,
    MarkReplied,
    Escalate,
    Resolve,
    NoReplyNeeded,
    CancelPublish,
}
