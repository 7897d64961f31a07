namespace PracticeBot.Adapters.Teams.Protocol;

/// <summary>The body of <c>POST /v3/conversations</c>: a proactive one-to-one chat with a user of a tenant.</summary>
public sealed class ConversationParameters
{
    public bool IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public List<ChannelAccount> Members { get; set; } = [];
    public string? TenantId { get; set; }
    public TeamsChannelData? ChannelData { get; set; }
}
