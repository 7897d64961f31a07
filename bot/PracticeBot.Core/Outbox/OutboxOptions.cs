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

    /// <summary>Sends (including the first) before a row that keeps failing transiently is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The first retry delay; it doubles with each attempt, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(10);
}
