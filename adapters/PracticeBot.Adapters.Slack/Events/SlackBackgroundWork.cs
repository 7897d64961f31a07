using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PracticeBot.Core.Hosting;

namespace PracticeBot.Adapters.Slack.Events;

/// <summary>
/// Work that continues after Slack has been acknowledged: slow turns, replies through <c>response_url</c>, events.
/// On shutdown the host waits for what is running, up to its shutdown deadline, then cancels it.
/// </summary>
public sealed partial class SlackBackgroundWork(ILogger<SlackBackgroundWork> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _abort = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public void Run(string what, Func<CancellationToken, Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work(_abort.Token);
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                // Shutting down.
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex, what);
            }
        });
        _running.TryAdd(task, 0);
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Waits until nothing runs (tests, and the host's shutdown).</summary>
    public Task IdleAsync() => Task.WhenAll(_running.Keys.ToArray());

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var deadline = ShutdownDeadline.Cancel(_abort, cancellationToken);
        await IdleAsync().WaitAsync(Timeout.InfiniteTimeSpan, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public void Dispose() => _abort.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack background work '{What}' failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string what);
}
