namespace PracticeBot.Core.Reviews.Sources;

/// <summary>Schedule ids of review work, shared by the host's triggers and the routes.</summary>
public static class ReviewSchedules
{
    /// <summary>Poll one source for one practice; the trigger's data carries the source under <see cref="SourceKey"/>.</summary>
    public const string Poll = "reviews.poll";
    public const string SourceKey = "source";
}
