namespace PracticeBot.Adapters.Teams.Protocol;

/// <summary>The conversation of an activity: a channel (thread), a group chat or a personal chat.</summary>
public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    /// <summary><c>channel</c>, <c>groupChat</c> or <c>personal</c>.</summary>
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    public bool? IsGroup { get; set; }
}
