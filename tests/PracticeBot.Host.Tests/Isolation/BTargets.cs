namespace PracticeBot.Host.Tests.Isolation;

/// <summary>
/// B's ids the attacks name: a review number of B in each state where the attacked step would succeed in B, B's review
/// row ids, B's posting slot, pending swap and nudge. None of these numbers is a review of A (checked when seeded).
/// </summary>
public sealed record BTargets(
    long PracticeId,
    long APracticeId,
    int New,
    int Claimed,
    int Drafted,
    int AwaitingApproval,
    int Approved,
    int Publishing,
    int Escalated,
    long NewReviewRowId,
    long SlotId,
    long SwapId,
    string NudgeSubject,
    IReadOnlyList<string> Secrets);
