using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PracticeBot.Host.Hosting;

namespace PracticeBot.Host.Tests.Hosting;

public sealed class StartupHeapTrimTests
{
    [Fact]
    public async Task Started_AfterTheDelay_RunsAFullCollection()
    {
        using var started = new CancellationTokenSource();
        using var stopping = new CancellationTokenSource();
        var lifetime = new Mock<IHostApplicationLifetime>();
        lifetime.Setup(l => l.ApplicationStarted).Returns(started.Token);
        lifetime.Setup(l => l.ApplicationStopping).Returns(stopping.Token);
        var time = new FakeTimeProvider();
        var trim = new StartupHeapTrim(lifetime.Object, time);
        await trim.StartAsync(CancellationToken.None);
        var before = GC.CollectionCount(GC.MaxGeneration);

        await started.CancelAsync();
        Assert.False(trim.Completion.IsCompleted);
        time.Advance(StartupHeapTrim.Delay);
        await trim.Completion;

        Assert.True(GC.CollectionCount(GC.MaxGeneration) > before);
        await trim.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Stopping_BeforeTheDelay_GivesUp()
    {
        using var started = new CancellationTokenSource();
        using var stopping = new CancellationTokenSource();
        var lifetime = new Mock<IHostApplicationLifetime>();
        lifetime.Setup(l => l.ApplicationStarted).Returns(started.Token);
        lifetime.Setup(l => l.ApplicationStopping).Returns(stopping.Token);
        var trim = new StartupHeapTrim(lifetime.Object, new FakeTimeProvider());
        await trim.StartAsync(CancellationToken.None);

        await started.CancelAsync();
        await stopping.CancelAsync();
        await trim.Completion;

        await trim.StopAsync(CancellationToken.None);
    }
}
