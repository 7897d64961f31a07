namespace PracticeBot.Core.CheckIns;

/// <summary>Schedule ids of the check-in triggers, shared by the scheduler and the routes.</summary>
public static class CheckInSchedules
{
    /// <summary>Weekly, per practice, at <c>CheckInDay</c>/<c>CheckInTime</c> in its time zone.</summary>
    public const string Weekly = "checkin.weekly";
}
