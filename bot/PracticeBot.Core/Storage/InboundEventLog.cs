using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PracticeBot.Core.Storage;

/// <summary>
/// Remembers which inbound platform deliveries were taken in (Slack <c>event_id</c>, Teams activity ids). The
/// database's unique index on (platform, event id) decides, so two instances, or an HTTP delivery racing its Socket
/// Mode twin, cannot both take the same delivery.
/// </summary>
public sealed class InboundEventLog(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>How long an event id is remembered; the platforms redeliver within minutes.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(2);

    private long _inserts;

    /// <returns>True the first time a delivery is seen; false for every redelivery of it.</returns>
    /// <exception cref="DbUpdateException">The database failed for another reason (it is down): not a duplicate.</exception>
    public async Task<bool> TryTakeAsync(string platform, string eventId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        db.InboundEvents.Add(new InboundEvent { Platform = platform, EventId = eventId, ReceivedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (await IsTakenAsync(platform, eventId, ct))
            {
                return false;
            }

            throw;
        }

        if (Interlocked.Increment(ref _inserts) % 500 == 1)
        {
            var before = now - Retention;
            await db.InboundEvents.Where(e => e.ReceivedAt < before).ExecuteDeleteAsync(ct);
        }

        return true;
    }

    /// <summary>Only the unique index makes a failed insert a duplicate; any other failure is not one.</summary>
    private async Task<bool> IsTakenAsync(string platform, string eventId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        return await db.InboundEvents.AnyAsync(e => e.Platform == platform && e.EventId == eventId, ct);
    }
}
