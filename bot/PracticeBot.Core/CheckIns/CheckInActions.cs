namespace PracticeBot.Core.CheckIns;

/// <summary>Action ids of the nudge buttons, shared by the nudge builder and the routes. The value is the nudge's subject.</summary>
public static class CheckInActions
{
    /// <summary>"I'll post today": acknowledges the nudge and says how to record the post.</summary>
    public const string WillPost = "checkin.willpost";
    /// <summary>"Pause the plan for 2 weeks": pauses posting; the weekly check-in resumes it when the two weeks are up.</summary>
    public const string PausePlan = "checkin.pause";

    public const int PauseDays = 14;
}
