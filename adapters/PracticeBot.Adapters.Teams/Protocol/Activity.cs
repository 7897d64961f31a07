using System.Text.Json;

namespace PracticeBot.Adapters.Teams.Protocol;

/// <summary>
/// A Bot Framework activity, reduced to the fields Teams sends us and we send back. Unknown fields are ignored on
/// read; nulls are left out on write.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? Text { get; set; }
    public string? TextFormat { get; set; }
    public string? Summary { get; set; }
    public string? ReplyToId { get; set; }
    /// <summary><c>add</c> or <c>remove</c> on an <c>installationUpdate</c>.</summary>
    public string? Action { get; set; }
    public JsonElement? Value { get; set; }
    public List<Entity>? Entities { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public TeamsChannelData? ChannelData { get; set; }
}
