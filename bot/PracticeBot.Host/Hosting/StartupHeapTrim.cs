namespace PracticeBot.Host.Hosting;

/// <summary>
/// One aggressive, compacting full collection shortly after the host has started, so that what start-up left behind
/// (the EF Core model's building, configuration binding, the migration check, the first schedule sync) is returned to
/// the operating system instead of staying resident. A bot is idle most of the day and an idle process allocates too
/// little to trigger a collection on its own, so without this the start's garbage stays committed until the first
/// busy spell (docs/performance.md, "Issue 23": about 15 MB of idle RSS). It runs once; it costs a few tens of
/// milliseconds on a pool thread and answers nothing, so a request that arrives meanwhile only waits for that pause.
/// </summary>
public sealed class StartupHeapTrim(IHostApplicationLifetime lifetime, TimeProvider time) : IHostedService
{
    /// <summary>Long enough for the work the start sets off in the background (model warm-up, schedule sync) to finish.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration _started;

    /// <summary>Completes once the collection has run, or been given up because the host stopped first.</summary>
    internal Task Completion => _done.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _started = lifetime.ApplicationStarted.Register(() => _ = TrimAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _started.DisposeAsync().AsTask();

    private async Task TrimAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(Delay, time, stopping);
        }
        catch (OperationCanceledException)
        {
            _done.TrySetResult();
            return;
        }

        Trim();
        _done.TrySetResult();
    }

    /// <summary>Aggressive mode decommits the free space of every generation as well as compacting it.</summary>
    internal static void Trim() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
