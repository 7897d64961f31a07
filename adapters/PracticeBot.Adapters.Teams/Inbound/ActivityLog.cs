using System.Security.Cryptography;
using System.Text;
using PracticeBot.Adapters.Teams.Protocol;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Teams.Inbound;

/// <summary>
/// Remembers which activities were taken in. The Bot Framework redelivers an activity with the same <c>id</c> when
/// the bot answered slowly, possibly to another instance; <see cref="InboundEventLog"/> (platform <c>teams</c>) lets
/// exactly one delivery through.
/// </summary>
public sealed class ActivityLog(InboundEventLog inbound)
{
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
    public Task<bool> TryTakeAsync(Activity activity, CancellationToken ct) =>
        activity.Id is { Length: > 0 } activityId
            ? inbound.TryTakeAsync(Platforms.Teams, KeyOf(activity.Conversation?.Id ?? "", activityId), ct)
            : Task.FromResult(true);
}
