namespace PracticeBot.Adapters.Teams.Protocol;

/// <summary>The connector's answer to a create-conversation.</summary>
public sealed class ConversationResourceResponse
{
    public string? Id { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ActivityId { get; set; }
}
