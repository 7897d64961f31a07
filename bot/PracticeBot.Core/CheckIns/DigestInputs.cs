namespace PracticeBot.Core.CheckIns;

/// <summary>What the digest is computed from: plain values the check-in reads from storage.</summary>
/// <param name="Reviews">Reviews received since <see cref="CheckInWeek.PriorFromUtc"/>, and every review still waiting.</param>
/// <param name="Slots">Posting slots dated in the week.</param>
/// <param name="Replies">Replies published in the week.</param>
/// <param name="Names">Display names of members, by id.</param>
public sealed record DigestInputs(
    CheckInWeek Week,
    DateTimeOffset Now,
    int ResponseTargetHours,
    int UrgentResponseTargetHours,
    IReadOnlyList<DigestReview> Reviews,
    IReadOnlyList<DigestSlot> Slots,
    IReadOnlyList<DigestReply> Replies,
    IReadOnlyDictionary<long, string> Names);

/// <param name="Waiting">Still waiting for its answer.</param>
/// <param name="NeedsReply">False when a manager decided it needs none; it then counts in no response rate.</param>
/// <param name="FirstResponseAt">The first reply published, or marked as posted by hand.</param>
public sealed record DigestReview(
    int Number,
    string Source,
    int? Rating,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<string> Categories,
    bool Urgent,
    bool Waiting,
    bool NeedsReply,
    DateTimeOffset? FirstResponseAt);

public sealed record DigestSlot(DateOnly Date, string? Network, bool Done, long? DoneByMemberId);

public sealed record DigestReply(long AuthorMemberId, DateTimeOffset PublishedAt);
