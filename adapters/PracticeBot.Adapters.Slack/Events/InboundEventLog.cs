using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Slack.Events;

/// <summary>
/// Remembers which Events API deliveries were taken in. The database's unique index decides, so two instances (or
/// an HTTP delivery racing its Socket Mode twin) cannot both take the same <c>event_id</c>.
/// </summary>
public sealed class InboundEventLog(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>How long an event id is remembered; Slack retries within minutes.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(2);

    private long _inserts;

    /// <returns>True the first time an event id is seen; false for every retry of it.</returns>
    public async Task<bool> TryTakeAsync(string eventId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var now = time.GetUtcNow();
        db.InboundEvents.Add(new InboundEvent { Platform = Platforms.Slack, EventId = eventId, ReceivedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return false;
        }

        if (Interlocked.Increment(ref _inserts) % 500 == 1)
        {
            var before = now - Retention;
            await db.InboundEvents.Where(e => e.ReceivedAt < before).ExecuteDeleteAsync(ct);
        }

        return true;
    }
}
