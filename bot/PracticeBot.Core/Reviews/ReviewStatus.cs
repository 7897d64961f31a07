namespace PracticeBot.Core.Reviews;

/// <summary>Where a review stands in the claim-and-respond lifecycle.</summary>
public enum ReviewStatus
{
    New,
    Claimed,
    Drafted,
    AwaitingApproval,
    Approved,
    Publishing,
    Replied,
    Resolved,
    Escalated,
    NoReplyNeeded,
}
