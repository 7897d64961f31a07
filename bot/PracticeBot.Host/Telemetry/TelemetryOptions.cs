namespace PracticeBot.Host.Telemetry;

/// <summary>The <c>Metrics</c> section: what the host exports and how often it samples the outbox.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Metrics";

    /// <summary>Serve a Prometheus scrape endpoint at <see cref="PrometheusPath"/>.</summary>
    public bool Prometheus { get; set; }

    /// <summary>Let other machines scrape <see cref="PrometheusPath"/>; by default only direct loopback connections may.</summary>
    public bool PrometheusAllowRemote { get; set; }

    /// <summary>Turn the OpenTelemetry SDK on even without an exporter named here (an operator's own wiring, tests).</summary>
    public bool Enabled { get; set; }

    /// <summary>How often the outbox depth and oldest unsent age are read from the database while metrics are exported.</summary>
    public TimeSpan OutboxSampleInterval { get; set; } = TimeSpan.FromSeconds(15);

    public const string PrometheusPath = "/metrics";

    /// <summary>The standard OpenTelemetry variable: when set, traces and metrics go to that OTLP endpoint.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
}
