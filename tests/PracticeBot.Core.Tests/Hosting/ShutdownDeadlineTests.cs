using PracticeBot.Core.Hosting;

namespace PracticeBot.Core.Tests.Hosting;

public sealed class ShutdownDeadlineTests
{
    [Fact]
    public void Cancel_DeadlinePassesLater_CancelsTheWork()
    {
        using var deadline = new CancellationTokenSource();
        using var work = new CancellationTokenSource();
        using var registration = ShutdownDeadline.Cancel(work, deadline.Token);

        Assert.False(work.IsCancellationRequested);
        deadline.Cancel();

        Assert.True(work.IsCancellationRequested);
    }

    [Fact]
    public void Cancel_DeadlineAlreadyPassedAndWorkDisposedWithTheHost_DoesNotThrow()
    {
        // A stop that comes after the host disposed the service, with the shutdown deadline already gone: the
        // cancellation runs synchronously inside Register, on a source with nothing left to cancel.
        var work = new CancellationTokenSource();
        work.Dispose();

        var registration = ShutdownDeadline.Cancel(work, new CancellationToken(canceled: true));

        registration.Dispose();
    }
}
