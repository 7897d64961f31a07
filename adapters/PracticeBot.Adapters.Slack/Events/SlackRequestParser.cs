using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace PracticeBot.Adapters.Slack.Events;

/// <summary>
/// Reads a verified HTTP body (form-encoded slash command, <c>payload=</c> interactivity, or Events API JSON) or a
/// Socket Mode envelope's payload. Pure: anything it cannot read is null, which the endpoint answers with 400.
/// </summary>
public static class SlackRequestParser
{
    public static SlackRequest? ParseHttp(string? contentType, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        if (contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            return ParseEventsApi(body);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var form = QueryHelpers.ParseQuery(text);
        if (form.TryGetValue("payload", out var payload))
        {
            return ParseInteraction(Encoding.UTF8.GetBytes(payload.ToString()));
        }

        if (form.TryGetValue("command", out _))
        {
            return ParseSlashCommand(form.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal));
        }

        return null;
    }

    /// <summary>A Socket Mode envelope's payload by envelope type: <c>slash_commands</c>, <c>interactive</c>, <c>events_api</c>.</summary>
    public static SlackRequest? ParseEnvelopePayload(string envelopeType, JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        switch (envelopeType)
        {
            case "slash_commands":
                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var property in payload.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String)
                    {
                        fields[property.Name] = property.Value.GetString()!;
                    }
                }

                return ParseSlashCommand(fields);
            case "interactive":
                return InteractionFrom(payload.Clone());
            case "events_api":
                return EventsApiFrom(payload.Clone());
            default:
                return null;
        }
    }

    private static SlashCommand? ParseSlashCommand(Dictionary<string, string> form)
    {
        string? Get(string key) => form.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        var command = Get("command")?.TrimStart('/');
        var user = Get("user_id");
        var team = Get("team_id") ?? Get("enterprise_id");
        var channel = Get("channel_id");
        if (string.IsNullOrWhiteSpace(command) || user is null || team is null || channel is null)
        {
            return null;
        }

        return new SlashCommand(command, Get("text") ?? "", user, Get("user_name"), team, Get("enterprise_id"), channel, Get("response_url"), Get("trigger_id"));
    }

    private static SlackRequest? ParseInteraction(ReadOnlySpan<byte> json)
    {
        var root = TryParse(json);
        return root is { ValueKind: JsonValueKind.Object } r ? InteractionFrom(r) : null;
    }

    private static SlackRequest? ParseEventsApi(ReadOnlySpan<byte> json)
    {
        var root = TryParse(json);
        return root is { ValueKind: JsonValueKind.Object } r ? EventsApiFrom(r) : null;
    }

    private static SlackInteraction? InteractionFrom(JsonElement payload) =>
        payload.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() is { Length: > 0 } t
            ? new SlackInteraction(t, payload)
            : null;

    private static SlackRequest? EventsApiFrom(JsonElement root)
    {
        var type = Str(root, "type");
        if (type == "url_verification")
        {
            return Str(root, "challenge") is { } challenge ? new UrlVerification(challenge) : null;
        }

        if (type != "event_callback"
            || !root.TryGetProperty("event", out var inner) || inner.ValueKind != JsonValueKind.Object
            || Str(root, "event_id") is not { } eventId
            || Str(inner, "type") is not { } eventType)
        {
            return null;
        }

        var team = Str(root, "team_id") ?? Str(root, "enterprise_id") ?? "";
        return new SlackEventCallback(eventId, eventType, team, root);
    }

    private static JsonElement? TryParse(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            var root = JsonElement.ParseValue(ref reader);

            // Text the parser let through but that would throw when read (invalid UTF-8, a lone surrogate) is refused here, once.
            return PracticeBot.Core.Conversation.InboundJson.IsReadable(json, root) ? root : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
