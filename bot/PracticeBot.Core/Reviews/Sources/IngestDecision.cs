namespace PracticeBot.Core.Reviews.Sources;

/// <summary>What ingesting one sourced review does to the stored one.</summary>
[Flags]
public enum IngestDecision
{
    /// <summary>Already stored as it is: write nothing, post nothing.</summary>
    Unchanged = 0,
    Create = 1,
    /// <summary>The reviewer changed the text or rating: update it, mark it edited, refresh its posted cards.</summary>
    Edit = 2,
    /// <summary>A reply by the practice appeared on the source: mark the review replied.</summary>
    OwnerReply = 4,
    /// <summary>
    /// The practice's connected source now reports a review that was first pushed (webhook, CSV): the source's copy takes
    /// over, and with it the origin and location that allow replying through the source's API.
    /// </summary>
    Adopt = 8,
}
