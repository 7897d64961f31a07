using System.Globalization;
using System.Text.Json;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Adapters.Reviews.Webhook;

/// <summary>The webhook body read into reviews (pure): one object or an array, each validated field by field.</summary>
public static class WebhookPayload
{
    public const int MaxReviews = 500;

    private static readonly string[] Known =
        ["practice", "source", "externalId", "rating", "recommendation", "author", "text", "createdAt", "url", "location", "updatedAt", "replied"];

    /// <summary>Each item's practice slug and its fields, or an error for the whole body (not JSON, not an object or array).</summary>
    public static (List<(string? Practice, ReviewFields Fields, Dictionary<string, string> TypeErrors)>? Items, string? Problem) Read(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 16 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            return (null, $"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (!InboundJson.IsReadable(body, root))
            {
                return (null, "The body holds text that is not valid UTF-8 or not valid Unicode (such as a lone surrogate \\uD800): send the JSON encoded as UTF-8.");
            }

            var elements = root.ValueKind switch
            {
                JsonValueKind.Object => [root],
                JsonValueKind.Array => root.EnumerateArray().ToList(),
                _ => null,
            };
            if (elements is null)
            {
                return (null, "The body must be a review object or an array of them.");
            }

            if (elements.Count is 0 or > MaxReviews)
            {
                return (null, $"Send 1 to {MaxReviews} reviews per request.");
            }

            var items = new List<(string?, ReviewFields, Dictionary<string, string>)>();
            foreach (var element in elements)
            {
                var typeErrors = new Dictionary<string, string>(StringComparer.Ordinal);
                if (element.ValueKind != JsonValueKind.Object)
                {
                    typeErrors[""] = "each review must be a JSON object.";
                    items.Add((null, new ReviewFields(null, null, null, null, null, null, null), typeErrors));
                    continue;
                }

                string? Text(string name)
                {
                    if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                    {
                        return null;
                    }

                    return value.ValueKind switch
                    {
                        JsonValueKind.String => value.GetString(),
                        JsonValueKind.Number => value.GetRawText(),
                        JsonValueKind.True or JsonValueKind.False => value.GetBoolean().ToString(CultureInfo.InvariantCulture),
                        _ => Invalid(name, typeErrors),
                    };
                }

                var fields = new ReviewFields(Text("source"), Text("externalId"), Text("rating"), Text("recommendation"), Text("author"),
                    Text("text"), Text("createdAt"), Text("url"), Text("location"), Text("updatedAt"), Text("replied"));
                var practice = Text("practice");
                if (string.IsNullOrWhiteSpace(practice) && !typeErrors.ContainsKey("practice"))
                {
                    typeErrors["practice"] = "practice is required: the practice id shown by `practice settings`.";
                }

                foreach (var unknown in element.EnumerateObject().Select(p => p.Name).Where(n => !Known.Contains(n, StringComparer.Ordinal)).Take(5))
                {
                    typeErrors[unknown] = $"unknown field (known: {string.Join(", ", Known)}).";
                }

                items.Add((practice?.Trim().ToLowerInvariant(), fields, typeErrors));
            }

            return (items, null);
        }
    }

    private static string? Invalid(string name, Dictionary<string, string> errors)
    {
        errors[name] = $"{name} must be a string{(name == "rating" ? " or a number" : "")}.";
        return null;
    }
}
