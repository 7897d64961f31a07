using System.Text.Json;
using System.Text.Json.Serialization;

namespace PracticeBot.Adapters.Slack.Interaction;

/// <summary>
/// What a modal's submission needs to become an action again, carried in the view's <c>private_metadata</c>
/// (at most 3000 characters): where it was opened and which submit button it stands for.
/// </summary>
public sealed record ModalMetadata(
    [property: JsonPropertyName("team")] string TeamId,
    [property: JsonPropertyName("channel")] string ChannelId,
    [property: JsonPropertyName("thread")] string? ThreadTs,
    [property: JsonPropertyName("action")] string ActionId,
    [property: JsonPropertyName("value")] string Value)
{
    public const int MaxLength = 3000;

    public string Serialize() => JsonSerializer.Serialize(this);

    public static ModalMetadata? TryRead(string? json)
    {
        if (string.IsNullOrEmpty(json) || json.Length > MaxLength)
        {
            return null;
        }

        try
        {
            var read = JsonSerializer.Deserialize<ModalMetadata>(json);
            return read is { ActionId.Length: > 0, TeamId: not null, ChannelId: not null, Value: not null } ? read : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
