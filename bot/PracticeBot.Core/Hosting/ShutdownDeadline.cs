namespace PracticeBot.Core.Hosting;

/// <summary>
/// The host's shutdown deadline, turned into the cancellation of work still under way. A deadline that has already
/// passed runs the cancellation at once, possibly after the host has disposed the service; a disposed source has
/// nothing left to cancel, so that case is a no-op rather than an exception out of <c>StopAsync</c>.
/// </summary>
public static class ShutdownDeadline
{
    public static CancellationTokenRegistration Cancel(CancellationTokenSource work, CancellationToken deadline) =>
        deadline.Register(static s => CancelQuietly((CancellationTokenSource)s!), work);

    private static void CancelQuietly(CancellationTokenSource work)
    {
        try
        {
            work.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed with the host: nothing runs any more.
        }
    }
}
