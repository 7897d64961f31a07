using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PracticeBot.Core.Telemetry;

/// <summary>
/// The bot's own traces and metrics, named <c>PracticeBot</c> for both. Recording costs next to nothing while nobody
/// listens; the host subscribes an exporter only when one is configured (see docs/observability.md). Tags carry
/// kinds, platforms, sources and outcomes, never content, names or ids of people.
/// </summary>
public static class PracticeBotTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and of the <see cref="Meter"/>.</summary>
    public const string Name = "PracticeBot";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Turns = Meter.CreateCounter<long>(
        "practicebot.turns", "{turn}", "Turns handled, by platform, kind (command, message, action, member, schedule) and outcome (ok, unavailable, error).");

    private static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>(
        "practicebot.turn.duration", "s", "How long a turn took from dispatch to its last write, by platform and kind.");

    private static readonly Counter<long> DeliveryAttempts = Meter.CreateCounter<long>(
        "practicebot.outbox.delivery_attempts", "{attempt}", "Outbox delivery attempts, by platform and outcome (sent, retry, dead).");

    private static readonly Counter<long> DeadLetters = Meter.CreateCounter<long>(
        "practicebot.outbox.dead_letters", "{message}", "Outbox messages given up, by platform.");

    private static readonly Counter<long> ReviewsIngested = Meter.CreateCounter<long>(
        "practicebot.reviews.ingested", "{review}", "New reviews stored, by source.");

    private static readonly Histogram<double> IngestLag = Meter.CreateHistogram<double>(
        "practicebot.reviews.ingest_lag", "s", "From a review's own time (as its source gives it) to when the bot stored it, by source.");

    private static readonly Counter<long> JobRuns = Meter.CreateCounter<long>(
        "practicebot.jobs.runs", "{run}", "Scheduled job runs, by job and outcome (ok, error).");

    private static readonly Counter<long> JobMisfires = Meter.CreateCounter<long>(
        "practicebot.jobs.misfires", "{misfire}", "Scheduled triggers that fired late (after downtime or a busy scheduler), by job.");

    /// <summary>A turn ended: <paramref name="outcome"/> is <c>ok</c>, <c>unavailable</c> or <c>error</c>.</summary>
    public static void RecordTurn(string platform, string kind, string outcome, TimeSpan duration)
    {
        Turns.Add(1, new("platform", platform), new("kind", kind), new("outcome", outcome));
        TurnDuration.Record(duration.TotalSeconds, new("platform", platform), new("kind", kind));
    }

    /// <summary>One delivery attempt ended: <paramref name="outcome"/> is <c>sent</c>, <c>retry</c> or <c>dead</c>.</summary>
    public static void RecordDelivery(string platform, string outcome)
    {
        DeliveryAttempts.Add(1, new("platform", platform), new("outcome", outcome));
        if (outcome == "dead")
        {
            DeadLetters.Add(1, new KeyValuePair<string, object?>("platform", platform));
        }
    }

    /// <summary>A new review was stored; <paramref name="lag"/> is from its own time to now (negative lags count as 0).</summary>
    public static void RecordReviewIngested(string source, TimeSpan lag)
    {
        ReviewsIngested.Add(1, new KeyValuePair<string, object?>("source", source));
        IngestLag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("source", source));
    }

    public static void RecordJobRun(string job, string outcome) =>
        JobRuns.Add(1, new("job", job), new("outcome", outcome));

    public static void RecordJobMisfire(string job) =>
        JobMisfires.Add(1, new KeyValuePair<string, object?>("job", job));

    /// <summary>
    /// Starts a span whose parent is the W3C <c>traceparent</c> stored with a row (the turn that wrote it), so work
    /// done later by a worker joins the trace of the turn that caused it. Null when nobody listens.
    /// </summary>
    public static Activity? StartLinked(string name, ActivityKind kind, string? traceParent) =>
        ActivityContext.TryParse(traceParent, traceState: null, out var parent)
            ? Source.StartActivity(name, kind, parent)
            : Source.StartActivity(name, kind);
}
