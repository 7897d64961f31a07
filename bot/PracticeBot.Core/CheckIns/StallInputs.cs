namespace PracticeBot.Core.CheckIns;

/// <summary>What stall detection looks at, read from storage by the check-in.</summary>
/// <param name="PlanOnSince">When the active posting plan was last set, or null when there is no active plan.</param>
/// <param name="Slots">Posting slots of the last few weeks.</param>
/// <param name="LastPostAt">The last post done, ever.</param>
/// <param name="ActiveVolunteers">Volunteers who are not away today.</param>
/// <param name="Reviews">Reviews still waiting for an answer.</param>
public sealed record StallInputs(
    DateTimeOffset Now,
    DateOnly Today,
    DateTimeOffset? PlanOnSince,
    IReadOnlyList<StallSlot> Slots,
    DateTimeOffset? LastPostAt,
    int ActiveVolunteers,
    IReadOnlyList<StallReview> Reviews,
    IReadOnlyList<StallSource> Sources);

public sealed record StallSlot(DateOnly Date, bool Done);

/// <param name="Target">Its response target.</param>
/// <param name="OwnerWorking">Claimed and in its owner's hands (claimed, drafted or approved), not waiting on a manager.</param>
/// <param name="LastTouchedAt">The last change anyone made to it (claim, draft, …).</param>
public sealed record StallReview(int Number, DateTimeOffset ReceivedAt, TimeSpan Target, long? ClaimedByMemberId, bool OwnerWorking, DateTimeOffset LastTouchedAt);

public sealed record StallSource(string Name, DateTimeOffset? LastSuccessAt);
