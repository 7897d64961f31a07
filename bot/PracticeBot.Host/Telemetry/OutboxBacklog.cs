using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Storage;

namespace PracticeBot.Host.Telemetry;

/// <summary>How many outbox rows wait to be sent, and how old the oldest is.</summary>
public static class OutboxBacklog
{
    public static async Task<(int Depth, TimeSpan OldestAge)> ReadAsync(PracticeBotDb db, DateTimeOffset now, CancellationToken ct)
    {
        var pending = db.Outbox.AsNoTracking().Where(o => o.Status == OutboxStatus.Pending);
        var depth = await pending.CountAsync(ct);
        if (depth == 0)
        {
            return (0, TimeSpan.Zero);
        }

        // Only pending rows are read, a short list while the outbox keeps up (timestamps are ticks on SQLite, so they order).
        var oldest = await pending.OrderBy(o => o.CreatedAt).Select(o => o.CreatedAt).FirstAsync(ct);
        return (depth, now - oldest);
    }
}
