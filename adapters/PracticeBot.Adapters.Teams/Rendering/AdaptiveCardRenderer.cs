using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PracticeBot.Core.Conversation.Messages;

namespace PracticeBot.Adapters.Teams.Rendering;

/// <summary>
/// Pure: a neutral card → an Adaptive Card 1.5. Buttons become <c>Action.Execute</c> (verb = action id, data =
/// <c>{value}</c>), so presses arrive as <c>adaptiveCard/action</c> invokes and the card can be refreshed in the
/// response; text inputs become <c>Input.Text</c>, gathered by the client into the pressed action's data. Every text
/// goes through <see cref="TeamsMarkdown"/>, which escapes the text from outside.
/// </summary>
public static class AdaptiveCardRenderer
{
    public const string Version = "1.5";
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>Teams refuses messages over 28 KB; the rest of the activity needs a little room too.</summary>
    public const int MaxCardBytes = 26 * 1024;

    public const string TruncatedNotice = "…this card was shortened to fit in Teams.";
    private const int MaxTextLength = 4000;

    public static JsonObject Render(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var body = new List<JsonObject>();
        var separateNext = false;
        foreach (var block in card.Blocks)
        {
            if (block is DividerBlock)
            {
                separateNext = true;
                continue;
            }

            var element = Element(block);
            if (separateNext)
            {
                element["separator"] = true;
                element["spacing"] = "Medium";
                separateNext = false;
            }

            body.Add(element);
        }

        var rendered = Card(body);
        return Size(rendered) <= MaxCardBytes ? rendered : Shorten(body);
    }

    public static int Size(JsonNode node) => Encoding.UTF8.GetByteCount(node.ToJsonString());

    private static JsonObject Card(IEnumerable<JsonObject> body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = Schema,
        ["version"] = Version,
        ["body"] = new JsonArray([.. body.Select(e => e.DeepClone())]),
    };

    /// <summary>Keeps whole elements from the top while they fit, then says the card was shortened.</summary>
    private static JsonObject Shorten(List<JsonObject> body)
    {
        var notice = Text(TruncatedNotice, subtle: true);
        var budget = MaxCardBytes - Size(Card([])) - Size(notice) - 16;
        var kept = new List<JsonObject>();
        foreach (var element in body)
        {
            var size = Size(element) + 1;
            if (size > budget)
            {
                break;
            }

            kept.Add(element);
            budget -= size;
        }

        kept.Add(notice);
        return Card(kept);
    }

    private static JsonObject Element(CardBlock block) => block switch
    {
        HeaderBlock header => new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = Clip(TeamsMarkdown.Convert(header.Text)),
            ["size"] = "Medium",
            ["weight"] = "Bolder",
            ["wrap"] = true,
            ["style"] = "heading",
        },
        SectionBlock { Fields: { Count: > 0 } fields } section => new JsonObject
        {
            ["type"] = "Container",
            ["items"] = new JsonArray(
                Text(section.Text),
                new JsonObject
                {
                    ["type"] = "FactSet",
                    ["facts"] = new JsonArray([.. fields.Select(f => (JsonNode)new JsonObject
                    {
                        ["title"] = Clip(TeamsMarkdown.Convert(f.Label)),
                        ["value"] = Clip(TeamsMarkdown.Convert(f.Value)),
                    })]),
                }),
        },
        SectionBlock section => Text(section.Text),
        ContextBlock { Lines.Count: > 1 } context => new JsonObject
        {
            // Side by side, like badges: who has it, when it came.
            ["type"] = "ColumnSet",
            ["columns"] = new JsonArray([.. context.Lines.Select(line => (JsonNode)new JsonObject
            {
                ["type"] = "Column",
                ["width"] = "auto",
                ["items"] = new JsonArray(Text(line, subtle: true)),
            })]),
        },
        ContextBlock context => Text(string.Join(" · ", context.Lines), subtle: true),
        ImageBlock image => new JsonObject
        {
            ["type"] = "Image",
            ["url"] = image.Url,
            ["altText"] = Clip(TeamsMarkdown.Plain(image.AltText)),
        },
        ActionsBlock actions => new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray([.. actions.Buttons.Select(Button)]),
        },
        TextInputBlock input => Input(input),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "Unknown card block."),
    };

    private static JsonNode Button(CardButton button)
    {
        if (button.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var link) && link.Scheme is "https" or "http")
        {
            return new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = Clip(TeamsMarkdown.Plain(button.Text)), ["url"] = url };
        }

        var action = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = Clip(TeamsMarkdown.Plain(button.Text)),
            ["verb"] = button.ActionId,
            ["data"] = new JsonObject { ["value"] = button.Value },
        };
        if (button.Style != ButtonStyle.Default)
        {
            action["style"] = button.Style == ButtonStyle.Danger ? "destructive" : "positive";
        }

        return action;
    }

    private static JsonObject Input(TextInputBlock input)
    {
        var element = new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = input.InputId,
            ["label"] = Clip(TeamsMarkdown.Plain(input.Label)),
            ["isMultiline"] = input.Multiline,
        };
        if (input.InitialValue is { } value)
        {
            element["value"] = TeamsMarkdown.Plain(value);
        }

        if (input.Placeholder is { } placeholder)
        {
            element["placeholder"] = TeamsMarkdown.Plain(placeholder);
        }

        return element;
    }

    private static JsonObject Text(string text, bool subtle = false)
    {
        var element = new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = Clip(TeamsMarkdown.Convert(text)),
            ["wrap"] = true,
        };
        if (subtle)
        {
            element["isSubtle"] = true;
            element["size"] = "Small";
        }

        return element;
    }

    private static string Clip(string text) => text.Length <= MaxTextLength ? text : string.Concat(text.AsSpan(0, MaxTextLength - 1), "…");

    internal static string Serialize(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
