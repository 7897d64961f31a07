using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PracticeBot.Adapters.Teams.Auth;
using PracticeBot.Core.Telemetry;

namespace PracticeBot.Host.Telemetry;

/// <summary>
/// Traces and metrics through OpenTelemetry, switched on only when something reads them: an OTLP endpoint
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>), the Prometheus endpoint (<c>Metrics:Prometheus</c>), or <c>Metrics:Enabled</c>.
/// Otherwise no SDK is registered and the instruments cost next to nothing.
/// </summary>
public static class TelemetryExtensions
{
    public const string ServiceName = "practicebot";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section)
            .Validate(o => o.OutboxSampleInterval >= TimeSpan.FromSeconds(1), "Metrics:OutboxSampleInterval must be at least 00:00:01.")
            .ValidateOnStart();

        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[TelemetryOptions.OtlpEndpointVariable]);
        if (!otlp && !options.Prometheus && !options.Enabled)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithTracing(t => t
                .AddSource(PracticeBotTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
                .AddHttpClientInstrumentation())
            .WithMetrics(m =>
            {
                m.AddMeter(PracticeBotTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (options.Prometheus)
                {
                    m.AddPrometheusExporter();
                }
            });
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        builder.Services.AddHostedService<OutboxGaugeSampler>();
        return builder;
    }

    /// <summary><c>/metrics</c> when <c>Metrics:Prometheus</c> is on: direct loopback connections only, unless allowed.</summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value;
        if (!options.Prometheus)
        {
            return app;
        }

        app.MapPrometheusScrapingEndpoint(TelemetryOptions.PrometheusPath)
            .AddEndpointFilter(async (context, next) =>
                options.PrometheusAllowRemote || LocalRequest.RefusalOf(context.HttpContext) is null
                    ? await next(context)
                    : Results.Text(
                        "The metrics endpoint answers only on this machine. Scrape it from here, or set Metrics:PrometheusAllowRemote=true behind your own access control.",
                        statusCode: StatusCodes.Status403Forbidden));
        return app;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(Health.HealthApi.Path) || path.StartsWithSegments(TelemetryOptions.PrometheusPath);
}
