using PracticeBot.Core.Storage;
using PracticeBot.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace PracticeBot.Host.Telemetry;

/// <summary>Reads the outbox backlog on a timer into <see cref="OutboxGauges"/>; runs only while metrics are exported.</summary>
public sealed partial class OutboxGaugeSampler(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<TelemetryOptions> options, ILogger<OutboxGaugeSampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.OutboxSampleInterval, time);
        do
        {
            await SampleAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One sample; a database that does not answer leaves the last one in place and is logged at Debug.</summary>
    public async Task SampleAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
            db.PracticeScope = null;
            var (depth, age) = await OutboxBacklog.ReadAsync(db, time.GetUtcNow(), ct);
            OutboxGauges.Set(depth, age);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogSampleFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox backlog not sampled; the gauges keep the last sample")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
