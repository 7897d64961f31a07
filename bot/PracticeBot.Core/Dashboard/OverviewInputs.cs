using PracticeBot.Core.CheckIns;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Reviews;

namespace PracticeBot.Core.Dashboard;

/// <summary>What the overview is computed from: plain values read from storage.</summary>
/// <param name="Reviews">Reviews received in the last 12 months, and every review still waiting.</param>
/// <param name="Slots">Posting slots of the last <see cref="OverviewCalculator.PostingWeeks"/> weeks.</param>
public sealed record OverviewInputs(
    DateTimeOffset Now,
    TimeZoneInfo Zone,
    int ResponseTargetHours,
    int UrgentResponseTargetHours,
    IReadOnlyList<OverviewReview> Reviews,
    IReadOnlyList<OverviewSlot> Slots,
    IReadOnlyList<Stall> Stalls,
    DateTimeOffset NextCheckIn);

/// <param name="FirstReplyAt">The first reply published (or marked as posted by hand).</param>
public sealed record OverviewReview(string Source, int? Rating, DateTimeOffset ReceivedAt, ReviewStatus Status, bool Urgent, DateTimeOffset? FirstReplyAt)
{
    public bool Waiting => SlaPlanner.Waiting.Contains(Status);

    public bool NeedsReply => Status != ReviewStatus.NoReplyNeeded;
}

public sealed record OverviewSlot(DateOnly Date, SlotStatus Status);
