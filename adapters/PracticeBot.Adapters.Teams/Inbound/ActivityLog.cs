using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Teams.Protocol;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Teams.Inbound;

/// <summary>
/// Remembers which activities were taken in. The Bot Framework redelivers an activity with the same <c>id</c> when
/// the bot answered slowly, possibly to another instance; the database's unique index on <c>inbound_events</c>
/// (platform <c>teams</c>) lets exactly one delivery through.
/// </summary>
public sealed class ActivityLog(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>How long an activity id is remembered; the Bot Framework redelivers within seconds.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(2);

    private long _inserts;

    /// <summary>
    /// The key of an activity: activity ids are unique within a conversation only, and conversation ids can be long,
    /// so the pair is hashed to a fixed length.
    /// </summary>
    public static string KeyOf(string conversationId, string activityId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{conversationId}\n{activityId}")));

    /// <returns>
    /// True the first time an activity is seen, and for an activity without an id (nothing to recognise it by);
    /// false for every redelivery of it.
    /// </returns>
    public async Task<bool> TryTakeAsync(Activity activity, CancellationToken ct)
    {
        if (activity.Id is not { Length: > 0 } activityId)
        {
            return true;
        }

        var key = KeyOf(activity.Conversation?.Id ?? "", activityId);
        var now = time.GetUtcNow();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
            db.InboundEvents.Add(new InboundEvent { Platform = Platforms.Teams, EventId = key, ReceivedAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                if (await IsTakenAsync(key, ct))
                {
                    return false;
                }

                throw;
            }

            if (Interlocked.Increment(ref _inserts) % 500 == 1)
            {
                var before = now - Retention;
                await db.InboundEvents.Where(e => e.Platform == Platforms.Teams && e.ReceivedAt < before).ExecuteDeleteAsync(ct);
            }
        }

        return true;
    }

    /// <summary>Only the unique index makes a failed insert a duplicate; any other failure (the database is down) is not.</summary>
    private async Task<bool> IsTakenAsync(string key, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        return await db.InboundEvents.AnyAsync(e => e.Platform == Platforms.Teams && e.EventId == key, ct);
    }
}
