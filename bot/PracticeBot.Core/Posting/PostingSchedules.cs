namespace PracticeBot.Core.Posting;

/// <summary>Schedule ids of the posting triggers (one of each per practice with an active plan), shared by the scheduler and the routes.</summary>
public static class PostingSchedules
{
    /// <summary>Weekly: generates and assigns next week's slots.</summary>
    public const string Rotate = "posting.rotate";
    /// <summary>Daily, in the morning: reminders for today's slots and tomorrow's.</summary>
    public const string Remind = "posting.remind";
    /// <summary>Daily, at the due time: slots still open a day after their due time become missed.</summary>
    public const string Sweep = "posting.sweep";

    /// <summary>When the rotation runs: Friday morning, so people see next week's duty before the weekend.</summary>
    public static readonly DayOfWeek RotateDay = DayOfWeek.Friday;
    public static readonly TimeOnly RotateTime = new(10, 0);
}
