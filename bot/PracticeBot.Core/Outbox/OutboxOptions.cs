namespace PracticeBot.Core.Outbox;

/// <summary>How the delivery worker drains the outbox. Bound from the <c>Outbox</c> section.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>How long the worker waits after a batch that was not full.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many due rows one cycle takes.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a worker holds a row it is sending; after that another worker may take it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How many attempts of a row may end without an outcome (the process died, or its lease ran out, in the middle
    /// of the send) before the row is dead-lettered instead of tried again: what stops a message that crashes the
    /// process from doing so forever. Failures the platform answered (429, 5xx, timeouts) do not count here.
    /// </summary>
    public int MaxUnfinishedAttempts { get; set; } = 5;

    /// <summary>
    /// How old a row may get while it keeps failing transiently: the first transient failure after that dead-letters
    /// it. An outage shorter than this loses nothing, however many retries it takes.
    /// </summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The first retry delay; it doubles with each attempt, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(10);
}
