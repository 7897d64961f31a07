using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PracticeBot.Host.Health;

public static class HealthApi
{
    public const string Path = "/healthz";

    public const string ReadyPath = "/healthz/ready";

    /// <summary>The readiness-only checks (the outbox lag); the database and scheduler checks are added by their features.</summary>
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section)
            .Validate(o => o.OutboxLagLimit > TimeSpan.Zero, "Health:OutboxLagLimit must be a positive time span, e.g. 00:05:00.")
            .ValidateOnStart();
        builder.Services.AddHealthChecks().AddCheck<OutboxLagHealthCheck>("outbox", tags: [HealthTags.ReadyOnly]);
        return builder;
    }

    /// <summary>
    /// <c>GET /healthz</c>: 200 when the database answers and the scheduler runs, 503 otherwise, with each check's status.
    /// <c>GET /healthz/ready</c>: the same checks plus the outbox lag, each reported on its own; a lagging outbox is
    /// "degraded" and still 200 (the instance answers; the platform or a worker is what lags), a failed check is 503.
    /// </summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteReport,
        });
        app.MapHealthChecks(Path, new HealthCheckOptions
        {
            Predicate = check => !check.Tags.Contains(HealthTags.ReadyOnly),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteReport,
        });
        return app;
    }

    /// <summary>
    /// <c>{"status":…,"checks":{"database":{"status":…,"description":…},…}}</c>, written directly: serialising an
    /// anonymous type needs the reflection serializer, whose warm-up made the first probe after a start take longer.
    /// </summary>
    private static async Task WriteReport(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", Status(report.Status));
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", Status(entry.Status));
            json.WriteString("description", entry.Description);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Status(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
