namespace PracticeBot.Core.Outbox;

/// <summary>The retry delay of the outbox and the inbox alike.</summary>
public static class Backoff
{
    /// <summary>
    /// Exponential from <paramref name="baseDelay"/> (attempt 1), capped at <paramref name="maxDelay"/>, jittered into
    /// its upper half by <paramref name="jitter"/> (a sample in [0, 1]) so rows that failed together do not retry together.
    /// </summary>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        var exponential = baseDelay.Ticks * Math.Pow(2, Math.Max(0, Math.Min(attempt, 62) - 1));
        var capped = Math.Min(exponential, maxDelay.Ticks);
        var factor = 0.5 + (0.5 * Math.Clamp(jitter, 0, 1));
        return TimeSpan.FromTicks((long)(capped * factor));
    }
}
