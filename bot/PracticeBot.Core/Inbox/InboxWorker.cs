using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PracticeBot.Core.Hosting;

namespace PracticeBot.Core.Inbox;

/// <summary>
/// Handles the inbox for as long as the host runs, on every instance: up to <see cref="InboxOptions.Parallelism"/>
/// rows at a time, each as soon as a slot is free, so one slow turn holds up nobody. The instance that wrote a row
/// wakes it (<see cref="Wake"/>) so it is handled at once; polling finds retries that came due and rows a stopped
/// instance left behind. A failing cycle (database briefly gone) is logged and retried; it never stops the host. On
/// shutdown it claims nothing more and lets the turns under way finish until the host's deadline, then cancels them
/// and gives their rows back.
/// </summary>
public sealed partial class InboxWorker(
    InboxProcessor processor,
    TimeProvider time,
    IOptions<InboxOptions> options,
    ILogger<InboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan ReleaseGrace = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _abort = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private TaskCompletionSource _wake = NewSignal();

    /// <summary>Asks for a cycle now: a row was just written, or a slot came free.</summary>
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
            try
            {
                var free = settings.Parallelism - _running.Count;
                var claims = await processor.ClaimDueAsync(free, stoppingToken);
                foreach (var claim in claims)
                {
                    Start(claim);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // An unavailable database is not hammered: the next try waits at least the first retry delay.
                wait = settings.PollInterval > settings.BaseDelay ? settings.PollInterval : settings.BaseDelay;
                LogCycleFailed(logger, ex, wait);
            }

            try
            {
                using var delay = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                await Task.WhenAny(signal.Task, Task.Delay(wait, time, delay.Token));
                await delay.CancelAsync();
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Start(InboxClaim claim)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await processor.HandleAsync(claim, _abort.Token);
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                // Shutting down: the row was given back.
            }
            catch (Exception ex)
            {
                LogHandleFailed(logger, ex, claim.Id);
            }
        });
        _running.TryAdd(task, 0);
        task.ContinueWith(
            t =>
            {
                _running.TryRemove(t, out _);
                Wake(); // a slot is free
            },
            TaskScheduler.Default);
    }

    /// <summary>Waits until no row is being handled (tests, and the host's shutdown).</summary>
    public Task IdleAsync() => Task.WhenAll(_running.Keys.ToArray());

    /// <summary><paramref name="cancellationToken"/> is the host's shutdown deadline: the turns under way may finish until then.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            // A host stopped again after it was disposed (a test fixture's second stop): nothing is running.
            return;
        }

        await using var abortAtDeadline = ShutdownDeadline.Cancel(_abort, cancellationToken);
        await base.StopAsync(cancellationToken);
        try
        {
            await IdleAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The deadline passed and the turns were cancelled: a moment for them to give their rows back, so the next
            // start need not wait out the leases. A turn that ignores it is left to its lease.
            await IdleAsync().WaitAsync(ReleaseGrace, CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private volatile bool _disposed;

    public override void Dispose()
    {
        _disposed = true;
        _abort.Dispose();
        base.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox cycle failed; trying again in {Wait}")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox row {InboxId} could not be handled; it is claimed again when its lease runs out")]
    private static partial void LogHandleFailed(ILogger logger, Exception exception, long inboxId);
}
