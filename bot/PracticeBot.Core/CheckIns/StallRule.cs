namespace PracticeBot.Core.CheckIns;

/// <summary>Why an item is stalled; each rule's threshold is a practice setting.</summary>
public enum StallRule
{
    PostsBelowPlan,
    NoRecentPost,
    ReviewOverdue,
    NoActiveVolunteers,
    ClaimUntouched,
    SourceNotSyncing,
}
