using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Core.Tests.Outbox;

/// <summary>A database, a fake clock and a way to make deliverers: what every outbox test starts from.</summary>
public abstract class OutboxTestContext : IDisposable
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 20, 14, 0, 0, TimeSpan.Zero);

    protected OutboxTestDatabase Database { get; } = new();

    protected FakeTimeProvider Time { get; } = new(Start);

    protected OutboxOptions Options { get; } = new();

    protected ListLogger<OutboxDeliverer> Logger { get; } = new();

    /// <summary>A jitter sample of 1 makes the backoff factor 1.0, so delays are exactly exponential.</summary>
    protected OutboxDeliverer Deliverer(IPlatformSender sender, string workerId = "worker-a", Func<double>? jitter = null) =>
        new(Database.NewScopeFactory(), [sender], Time, Microsoft.Extensions.Options.Options.Create(Options), Logger, workerId, jitter ?? (() => 1.0));

    public void Dispose()
    {
        Database.Dispose();
        GC.SuppressFinalize(this);
    }
}
