using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Inbox;

/// <summary>
/// Remembers which inbound platform deliveries were taken in (Slack <c>event_id</c>, Teams activity ids). The
/// database's unique index on (platform, event id) decides, so two instances, or an HTTP delivery racing its Socket
/// Mode twin, cannot both take the same delivery.
/// </summary>
/// <remarks>
/// Every delivery commits its id before it is handled, and a durable commit waits for the disk (an fsync: about 2 ms
/// on a cloud disk), so one commit per delivery would cap a burst at a few hundred deliveries a second. Ids that arrive
/// while a commit is under way are therefore committed together in the next one (group commit): an idle log writes
/// at once, a busy one writes one batch per disk flush. A batch that meets a duplicate is taken apart and each of its
/// ids inserted alone, so a redelivery is still told apart by the unique index and nothing else.
/// <para>
/// A delivery whose handling comes after its acknowledgement brings its <see cref="InboxMessage"/>: the row is inserted
/// in the same transaction as the id, so a delivery that was taken in is always one the inbox worker will handle.
/// </para>
/// </remarks>
public sealed class InboundEventLog(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>How long an event id is remembered; the platforms redeliver within minutes.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(2);

    /// <summary>The most ids committed together.</summary>
    public const int MaxBatch = 200;

    private readonly Lock _gate = new();
    private readonly List<Pending> _waiting = [];
    private bool _writing;
    private long _inserts;

    /// <returns>True the first time a delivery is seen; false for every redelivery of it.</returns>
    /// <exception cref="DbUpdateException">The database failed for another reason (it is down): not a duplicate.</exception>
    public Task<bool> TryTakeAsync(string platform, string eventId, CancellationToken ct) => TryTakeAsync(platform, eventId, work: null, ct);

    /// <param name="work">The delivery's inbox row, committed with its id (or not at all); its id is set once it is.</param>
    /// <returns>True the first time a delivery is seen (its row is then in the inbox); false for every redelivery of it.</returns>
    /// <exception cref="DbUpdateException">The database failed for another reason (it is down): not a duplicate.</exception>
    public Task<bool> TryTakeAsync(string platform, string eventId, InboxMessage? work, CancellationToken ct)
    {
        var pending = new Pending(new InboundEvent { Platform = platform, EventId = eventId, ReceivedAt = time.GetUtcNow() }, work);
        bool start;
        lock (_gate)
        {
            _waiting.Add(pending);
            start = !_writing;
            _writing = true;
        }

        if (start)
        {
            _ = Task.Run(WriteAllAsync, CancellationToken.None);
        }

        // Not cancelled once written: the caller's token only stops its waiting.
        return pending.Taken.Task.WaitAsync(ct);
    }

    /// <summary>One writer at a time: it commits what is waiting, then what arrived meanwhile, until nothing is left.</summary>
    private async Task WriteAllAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }

                var count = Math.Min(_waiting.Count, MaxBatch);
                batch = _waiting.GetRange(0, count);
                _waiting.RemoveRange(0, count);
            }

            await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            if (batch.Count > 1 && await TryInsertAllAsync(batch))
            {
                foreach (var pending in batch)
                {
                    pending.Taken.TrySetResult(true);
                }
            }
            else
            {
                foreach (var pending in batch)
                {
                    await TakeOneAsync(pending);
                }
            }

        }
        catch (Exception ex)
        {
            foreach (var pending in batch)
            {
                pending.Taken.TrySetException(ex);
            }

            return;
        }

        // Old ids are forgotten on the first write and then every 500 or so; a failure here is tried again then.
        var after = Interlocked.Add(ref _inserts, batch.Count);
        if (after == batch.Count || after / 500 != (after - batch.Count) / 500)
        {
            try
            {
                await ForgetOldAsync();
            }
            catch (Exception)
            {
                // Nothing waits on this and the writer must go on: the rows are only kept until the next try.
            }
        }
    }

    /// <summary>The whole batch in one transaction; false when any of it is refused (a duplicate, or the database is down).</summary>
    private async Task<bool> TryInsertAllAsync(List<Pending> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        db.InboundEvents.AddRange(batch.Select(p => p.Event));
        db.Inbox.AddRange(batch.Where(p => p.Work is not null).Select(p => p.Work!));
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }
        catch (DbUpdateException)
        {
            foreach (var pending in batch)
            {
                pending.Event.Id = 0; // inserted alone next, as a new row
                pending.Work?.Id = 0;
            }

            return false;
        }
    }

    private async Task TakeOneAsync(Pending pending)
    {
        var e = pending.Event;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
            db.InboundEvents.Add(e);
            if (pending.Work is { } work)
            {
                db.Inbox.Add(work);
            }

            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                pending.Taken.TrySetResult(true);
            }
            catch (DbUpdateException refused)
            {
                if (await IsTakenAsync(e.Platform, e.EventId))
                {
                    pending.Taken.TrySetResult(false);
                }
                else
                {
                    pending.Taken.TrySetException(refused);
                }
            }
        }
        catch (Exception ex)
        {
            pending.Taken.TrySetException(ex);
        }
    }

    /// <summary>Only the unique index makes a failed insert a duplicate; any other failure is not one.</summary>
    private async Task<bool> IsTakenAsync(string platform, string eventId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        return await db.InboundEvents.AnyAsync(e => e.Platform == platform && e.EventId == eventId);
    }

    private async Task ForgetOldAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var before = time.GetUtcNow() - Retention;
        await db.InboundEvents.Where(e => e.ReceivedAt < before).ExecuteDeleteAsync();
        // Dead rows stay for an operator to look at (see docs); handled ones only as long as their ids.
        await db.Inbox.Where(m => m.Status == InboxStatus.Done && m.CreatedAt < before).ExecuteDeleteAsync();
    }

    private sealed record Pending(InboundEvent Event, InboxMessage? Work)
    {
        public TaskCompletionSource<bool> Taken { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
