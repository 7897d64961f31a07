
namespace PracticeBot.Core.Telemetry;

/// <summary>
/// The outbox's depth and the age of its oldest unsent message, as last sampled from the database (the host samples
/// them on a timer while metrics are exported; reading them costs no query).
/// </summary>
public static class OutboxGauges
{
    private static long _depth;
    private static double _oldestAgeSeconds;

    static OutboxGauges()
    {
        PracticeBotTelemetry.Meter.CreateObservableGauge(
            "practicebot.outbox.depth", () => Interlocked.Read(ref _depth), "{message}", "Outbox messages waiting to be sent.");
        PracticeBotTelemetry.Meter.CreateObservableGauge(
            "practicebot.outbox.oldest_unsent_age", () => Volatile.Read(ref _oldestAgeSeconds), "s", "Age of the oldest message waiting to be sent (0 when none waits).");
    }

    /// <summary>Records a sample; the gauges report it until the next one.</summary>
    public static void Set(long depth, TimeSpan oldestAge)
    {
        Interlocked.Exchange(ref _depth, depth);
        Volatile.Write(ref _oldestAgeSeconds, Math.Max(0, oldestAge.TotalSeconds));
    }
}
