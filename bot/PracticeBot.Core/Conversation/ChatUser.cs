namespace PracticeBot.Core.Conversation;

/// <summary>The person acting in a chat turn, as the platform names them.</summary>
/// <param name="Id">Slack user id (<c>U…</c>) or Teams user id (<c>29:…</c>).</param>
/// <param name="DisplayName">What to call them in replies, when the platform told us.</param>
/// <param name="AadObjectId">Teams only: the Entra object id, stable across conversations.</param>
public sealed record ChatUser(string Id, string? DisplayName = null, string? AadObjectId = null)
{
    public string Mention => $"<@{Id}>";
}
