namespace PracticeBot.Core.Reviews;

/// <summary>Schedule ids of the review feature, shared by the host's triggers and the routes.</summary>
public static class ReviewSchedules
{
    /// <summary>The response-time sweep: reminders and breach notices for reviews waiting for an answer.</summary>
    public const string Sla = "reviews.sla";

    public static readonly TimeSpan SlaEvery = TimeSpan.FromMinutes(5);

    /// <summary>Publishes replies whose hold has ended through the source's API.</summary>
    public const string Publish = "reviews.publish";

    public static readonly TimeSpan PublishEvery = TimeSpan.FromMinutes(1);

    /// <summary>Poll one source for one practice; the trigger's data carries the source under <see cref="SourceKey"/>.</summary>
    public const string Poll = "reviews.poll";
    public const string SourceKey = "source";
}
