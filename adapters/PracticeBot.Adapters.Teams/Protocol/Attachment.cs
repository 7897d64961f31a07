using System.Text.Json.Nodes;

namespace PracticeBot.Adapters.Teams.Protocol;

public sealed class Attachment
{
    public string? ContentType { get; set; }
    public JsonNode? Content { get; set; }

    /// <summary>Where the file is (an inline image: a <c>data:</c> URL).</summary>
    public string? ContentUrl { get; set; }

    public string? Name { get; set; }
}
