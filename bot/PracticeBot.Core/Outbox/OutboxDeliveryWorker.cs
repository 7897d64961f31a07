using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PracticeBot.Core.Hosting;

namespace PracticeBot.Core.Outbox;

/// <summary>
/// Drains the outbox for as long as the host runs: a full batch is followed at once by the next, otherwise the
/// worker waits <see cref="OutboxOptions.PollInterval"/>, or less when the instance that just committed rows wakes it
/// (<see cref="Wake"/>), so a reply goes out at once without polling faster. A failing cycle (database briefly gone)
/// is logged and retried; it never stops the host. On shutdown it stops claiming rows but lets the send in progress finish,
/// unless the host's shutdown deadline passes first.
/// </summary>
public sealed partial class OutboxDeliveryWorker(
    OutboxDeliverer deliverer,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDeliveryWorker> logger) : BackgroundService
{
    private readonly CancellationTokenSource _abortSends = new();
    private TaskCompletionSource _wake = NewSignal();

    /// <summary>Asks for a cycle now: rows were just committed (a turn's replies). Harmless when the worker is not running.</summary>
    public void Wake() => Volatile.Read(ref _wake).TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Replaced before the cycle looks for rows: a wake during the cycle ends the wait after it.
            var signal = NewSignal();
            Volatile.Write(ref _wake, signal);
            var wait = settings.PollInterval;
            var failed = false;
            try
            {
                var handled = await deliverer.DeliverDueAsync(stoppingToken, _abortSends.Token);
                if (handled >= settings.BatchSize)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (_abortSends.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // An unavailable database is not hammered: the next try waits at least the first retry delay.
                // A wake does not cut that wait short.
                wait = settings.PollInterval > settings.BaseDelay ? settings.PollInterval : settings.BaseDelay;
                failed = true;
                LogCycleFailed(logger, ex, wait);
            }

            try
            {
                using var delay = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var pause = Task.Delay(wait, time, delay.Token);
                await (failed ? pause : Task.WhenAny(signal.Task, pause));
                await delay.CancelAsync();
                stoppingToken.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// <paramref name="cancellationToken"/> is the host's shutdown deadline: until it passes, the send in progress
    /// may finish and record its outcome; when it does, the send is cancelled and its row waits for the lease to end.
    /// </summary>
    private volatile bool _disposed;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            // A host stopped again after it was disposed (a test fixture's second stop): nothing is running.
            return;
        }

        await using var abortAtDeadline = ShutdownDeadline.Cancel(_abortSends, cancellationToken);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _disposed = true;
        _abortSends.Dispose();
        base.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox delivery cycle failed; trying again in {Wait}")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception, TimeSpan wait);
}
