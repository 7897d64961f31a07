namespace PracticeBot.Core.CheckIns;

/// <summary>One stalled item: what it is (<c>review:12</c>, <c>posting:plan</c>), who owns it, and what to say.</summary>
/// <param name="What">A short, specific sentence: what and since when.</param>
/// <param name="ReviewNumber">The review it is about, for the review rules.</param>
public sealed record Stall(StallRule Rule, string Item, StallOwner Owner, long? OwnerMemberId, string What, int? ReviewNumber = null)
{
    public string Kind => Rule switch
    {
        StallRule.PostsBelowPlan => "stall.below-plan",
        StallRule.NoRecentPost => "stall.no-post",
        StallRule.ReviewOverdue => "stall.review-overdue",
        StallRule.NoActiveVolunteers => "stall.no-volunteers",
        StallRule.ClaimUntouched => "stall.claim-untouched",
        _ => "stall.source",
    };

    public bool IsPosting => Rule is StallRule.PostsBelowPlan or StallRule.NoRecentPost or StallRule.NoActiveVolunteers;
}
