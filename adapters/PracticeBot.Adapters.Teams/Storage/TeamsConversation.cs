namespace PracticeBot.Adapters.Teams.Storage;

/// <summary>
/// A Teams conversation the bot was added to, remembered so the bot can speak first later (proactive messages need
/// the conversation's service URL, tenant and the bot's own id). Written by the Teams adapter on install.
/// </summary>
public sealed class TeamsConversation
{
    public long Id { get; set; }
    public required string ConversationId { get; set; }
    /// <summary>The Entra tenant id as Teams sent it.</summary>
    public required string TenantId { get; set; }
    /// <summary>The workspace id of the neutral conversation reference (the tenant id, or the local-mode marker).</summary>
    public required string WorkspaceId { get; set; }
    public required string ServiceUrl { get; set; }
    /// <summary><c>channel</c>, <c>groupChat</c> or <c>personal</c>.</summary>
    public string? ConversationType { get; set; }
    public string? TeamId { get; set; }
    /// <summary>The bot's account id in this conversation (<c>28:…</c>): the sender of proactive messages.</summary>
    public string? BotId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
