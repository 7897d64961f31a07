using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Reviews;

/// <summary>Which response-time reminders a review is due, from its state and age alone (pure).</summary>
public static class SlaPlanner
{
    public static readonly TimeSpan UnclaimedUrgentAfter = TimeSpan.FromHours(2);

    /// <summary>Statuses in which a review is still waiting for its answer.</summary>
    public static readonly IReadOnlyList<ReviewStatus> Waiting =
    [
        ReviewStatus.New, ReviewStatus.Claimed, ReviewStatus.Drafted, ReviewStatus.AwaitingApproval, ReviewStatus.Approved, ReviewStatus.Escalated,
    ];

    public static bool IsUrgent(Review review) => review.Urgent || review.IsNegative;

    public static TimeSpan TargetFor(Review review, PracticeSettings settings) =>
        TimeSpan.FromHours(IsUrgent(review) ? settings.UrgentResponseTargetHours : settings.ResponseTargetHours);

    /// <summary>Nudge kinds, as stored, so each reminder is sent once.</summary>
    public static string Kind(SlaReminder reminder) => reminder switch
    {
        SlaReminder.UnclaimedUrgent => "sla.unclaimed",
        SlaReminder.OwnerDueSoon => "sla.owner",
        _ => "sla.breach",
    };

    public static IReadOnlyList<SlaReminder> Due(Review review, PracticeSettings settings, DateTimeOffset now)
    {
        if (!Waiting.Contains(review.Status))
        {
            return [];
        }

        var age = now - review.ReceivedAt;
        var target = TargetFor(review, settings);
        var due = new List<SlaReminder>();
        if (IsUrgent(review) && review.Status == ReviewStatus.New && age >= UnclaimedUrgentAfter)
        {
            due.Add(SlaReminder.UnclaimedUrgent);
        }

        if (review.ClaimedByMemberId is not null && review.Status != ReviewStatus.Escalated && age >= target * 0.75)
        {
            due.Add(SlaReminder.OwnerDueSoon);
        }

        if (age >= target)
        {
            due.Add(SlaReminder.TargetBreached);
        }

        return due;
    }
}
