using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Teams.Protocol;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Inbox;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Teams.Inbound;

/// <summary>
/// Remembers which activities were handled. The Bot Framework redelivers an activity with the same <c>id</c> when the
/// bot answered slowly or not at all, possibly to another instance. An activity's "seen" mark (platform <c>teams</c>
/// in <c>inbound_events</c>) is written in the same transaction as the turn it caused: a turn that failed, or a process
/// that died before its commit, leaves no mark, so the redelivery is handled; a turn that committed turns every
/// redelivery away, and the unique index decides between two deliveries handled at once.
/// </summary>
public sealed class ActivityLog(TimeProvider time)
{
    /// <summary>
    /// The key of an activity: activity ids are unique within a conversation only, and conversation ids can be long,
    /// so the pair is hashed to a fixed length.
    /// </summary>
    public static string KeyOf(string conversationId, string activityId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{conversationId}\n{activityId}")));

    /// <summary>The key of an activity, or null for one without an id (nothing to recognise it by).</summary>
    public static string? KeyOf(Activity activity) =>
        activity.Id is { Length: > 0 } activityId ? KeyOf(activity.Conversation?.Id ?? "", activityId) : null;

    /// <returns>True when a turn of this activity has committed.</returns>
    public static Task<bool> IsTakenAsync(PracticeBotDb db, string? key, CancellationToken ct) =>
        key is null ? Task.FromResult(false) : db.InboundEvents.AnyAsync(e => e.Platform == Platforms.Teams && e.EventId == key, ct);

    /// <summary>Adds the activity's mark to the turn's changes (see <see cref="TurnContext.CompleteAsync"/>).</summary>
    public void Mark(TurnContext turn, string? key)
    {
        if (key is not null)
        {
            turn.Services.GetRequiredService<PracticeBotDb>().InboundEvents.Add(new InboundEvent { Platform = Platforms.Teams, EventId = key, ReceivedAt = time.GetUtcNow() });
        }
    }
}
