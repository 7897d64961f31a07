using System.Text.Json.Nodes;

namespace PracticeBot.Adapters.Teams.Protocol;

public sealed class Attachment
{
    public string? ContentType { get; set; }
    public JsonNode? Content { get; set; }
}
