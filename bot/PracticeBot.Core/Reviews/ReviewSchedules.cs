namespace PracticeBot.Core.Reviews;

/// <summary>Schedule ids of the review feature, shared by the trigger and the route.</summary>
public static class ReviewSchedules
{
    /// <summary>The response-time sweep: reminders and breach notices for reviews waiting for an answer.</summary>
    public const string Sla = "reviews.sla";

    public static readonly TimeSpan SlaEvery = TimeSpan.FromMinutes(5);
}
