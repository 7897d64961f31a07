namespace PracticeBot.Core.Inbox;

/// <summary>How the inbox worker handles acknowledged deliveries. Bound from the <c>Inbox</c> section.</summary>
public sealed class InboxOptions
{
    public const string SectionName = "Inbox";

    /// <summary>How often the worker looks for rows nobody signalled: retries that came due, rows left by a crashed instance.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many due rows one cycle claims.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>How many rows one instance handles at the same time.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>
    /// How long a worker holds a row it is handling; after that another worker (another instance, or this one after a
    /// restart) takes it over. Longer than any turn should take.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts before a row is dead-lettered, crashes included (what stops a delivery that kills the process).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first retry delay; it doubles with each attempt, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);
}
