namespace PracticeBot.Core.Conversation;

/// <summary>The person acting in a chat turn, as the platform names them.</summary>
/// <param name="Id">Slack user id (<c>U…</c>) or Teams user id (<c>29:…</c>).</param>
/// <param name="DisplayName">What to call them in replies, when the platform told us.</param>
/// <param name="AadObjectId">Teams only: the Entra object id, stable across conversations.</param>
/// <param name="IsGuest">
/// A guest of the workspace (a Slack guest, a Teams guest user), when the payload said; null when it did not, and the
/// platform's <see cref="IGuestDirectory"/> is asked if it matters.
/// </param>
public sealed record ChatUser(string Id, string? DisplayName = null, string? AadObjectId = null, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] bool? IsGuest = null)
{
    public string Mention => $"<@{Id}>";
}
