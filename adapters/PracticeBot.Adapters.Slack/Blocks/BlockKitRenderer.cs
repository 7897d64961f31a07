using System.Text.Json.Nodes;
using PracticeBot.Adapters.Slack.Interaction;
using PracticeBot.Core.Conversation.Messages;

namespace PracticeBot.Adapters.Slack.Blocks;

/// <summary>
/// Neutral messages → Block Kit JSON. Pure, tested with golden JSON. Every text is cut to Block Kit's limits with an
/// ellipsis and surplus blocks are summarised, so nothing it renders is rejected by Slack. Every text goes through
/// <see cref="SlackMrkdwn"/>, which escapes the text from outside.
/// </summary>
public static class BlockKitRenderer
{
    public const string DefaultTitle = "PracticeBot";
    public const string DefaultSubmit = "Submit";

    /// <summary>A card is a form when it asks for text: Slack shows it as a modal when it can.</summary>
    public static bool IsForm(OutboundMessage message) => message.Card?.Blocks.Any(b => b is TextInputBlock) == true;

    /// <summary>The body of <c>chat.postMessage</c> / <c>chat.update</c> / a <c>response_url</c> answer: <c>text</c> and <c>blocks</c>.</summary>
    public static JsonObject RenderMessage(OutboundMessage message)
    {
        var body = new JsonObject { ["text"] = BlockKitLimits.Truncate(SlackMrkdwn.Render(FallbackText(message)), BlockKitLimits.MessageText) };
        if (message.Card is { } card)
        {
            body["blocks"] = RenderBlocks(card.Blocks, BlockKitLimits.MessageBlocks, skipButtons: false);
        }

        return body;
    }

    /// <summary>
    /// A form as a modal view. Its first button becomes the modal's submit (the action id and value travel in
    /// <c>private_metadata</c>); other buttons are left out, since a modal has one submit.
    /// </summary>
    public static JsonObject RenderModal(OutboundMessage message, string teamId, string channelId, string? threadTs)
    {
        var blocks = message.Card?.Blocks ?? [];
        var submit = blocks.OfType<ActionsBlock>().SelectMany(a => a.Buttons).FirstOrDefault();
        var title = blocks.OfType<HeaderBlock>().Select(h => SlackMrkdwn.Plain(h.Text)).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? DefaultTitle;
        var metadata = new ModalMetadata(teamId, channelId, threadTs, submit?.ActionId ?? "", submit?.Value ?? "").Serialize();
        var view = new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = BlockKitLimits.Truncate(submit?.ActionId ?? "practicebot.form", BlockKitLimits.BlockId),
            ["title"] = PlainText(BlockKitLimits.Truncate(title, BlockKitLimits.ViewTitle)),
            ["close"] = PlainText("Cancel"),
            ["private_metadata"] = metadata.Length <= BlockKitLimits.PrivateMetadata ? metadata : "",
            ["blocks"] = RenderBlocks(blocks.Where(b => b is not HeaderBlock).ToList(), BlockKitLimits.ViewBlocks, skipButtons: true),
        };
        if (submit is not null)
        {
            view["submit"] = PlainText(BlockKitLimits.Truncate(submit.Text.Length > 0 ? SlackMrkdwn.Plain(submit.Text) : DefaultSubmit, BlockKitLimits.ViewButton));
        }

        return view;
    }

    /// <summary>The App Home tab.</summary>
    public static JsonObject RenderHome(Card card) => new()
    {
        ["type"] = "home",
        ["blocks"] = RenderBlocks(card.Blocks, BlockKitLimits.ViewBlocks, skipButtons: false),
    };

    /// <summary>
    /// Plain text for notifications and screen readers: the message's text, or the card's first words when it has none
    /// (Slack requires one of them).
    /// </summary>
    private static string FallbackText(OutboundMessage message)
    {
        if (!string.IsNullOrWhiteSpace(message.Text))
        {
            return message.Text;
        }

        var first = message.Card?.Blocks.Select(b => b switch
        {
            HeaderBlock h => h.Text,
            SectionBlock s => s.Text,
            _ => null,
        }).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
        return first ?? DefaultTitle;
    }

    private static JsonArray RenderBlocks(IReadOnlyList<CardBlock> blocks, int maxBlocks, bool skipButtons)
    {
        var rendered = new List<JsonObject>();
        foreach (var block in blocks)
        {
            if (skipButtons && block is ActionsBlock)
            {
                continue;
            }

            if (Render(block, rendered.Count) is { } json)
            {
                rendered.Add(json);
            }
        }

        if (rendered.Count > maxBlocks)
        {
            var hidden = rendered.Count - (maxBlocks - 1);
            rendered = rendered.Take(maxBlocks - 1).ToList();
            rendered.Add(Context([$"…and {hidden} more not shown here."]));
        }

        var array = new JsonArray();
        foreach (var json in rendered)
        {
            array.Add(json);
        }

        return array;
    }

    private static JsonObject? Render(CardBlock block, int index) => block switch
    {
        HeaderBlock header when !string.IsNullOrWhiteSpace(header.Text) => new JsonObject
        {
            ["type"] = "header",
            ["text"] = PlainText(BlockKitLimits.Truncate(SlackMrkdwn.Plain(header.Text), BlockKitLimits.HeaderText)),
        },
        SectionBlock section => Section(section),
        ContextBlock context when context.Lines.Any(l => !string.IsNullOrWhiteSpace(l)) => Context(context.Lines),
        ImageBlock image when Uri.TryCreate(image.Url, UriKind.Absolute, out _) && image.Url.Length <= BlockKitLimits.ImageUrl => new JsonObject
        {
            ["type"] = "image",
            ["image_url"] = image.Url,
            ["alt_text"] = BlockKitLimits.Truncate(string.IsNullOrWhiteSpace(image.AltText) ? "image" : SlackMrkdwn.Plain(image.AltText), BlockKitLimits.ImageAltText),
        },
        ActionsBlock actions => Actions(actions, index),
        DividerBlock => new JsonObject { ["type"] = "divider" },
        TextInputBlock input => Input(input),
        _ => null,
    };

    private static JsonObject? Section(SectionBlock section)
    {
        var json = new JsonObject { ["type"] = "section" };
        if (!string.IsNullOrWhiteSpace(section.Text))
        {
            json["text"] = Markdown(BlockKitLimits.Truncate(SlackMrkdwn.Render(section.Text), BlockKitLimits.SectionText));
        }

        var fields = (section.Fields ?? []).Select(FieldText).Where(t => t.Length > 0).ToList();
        if (fields.Count > BlockKitLimits.SectionFields)
        {
            var hidden = fields.Count - (BlockKitLimits.SectionFields - 1);
            fields = fields.Take(BlockKitLimits.SectionFields - 1).Append($"…and {hidden} more").ToList();
        }

        if (fields.Count > 0)
        {
            json["fields"] = new JsonArray(fields.Select(f => (JsonNode)Markdown(f)).ToArray());
        }

        return json.Count > 1 ? json : null;
    }

    private static string FieldText(CardField field)
    {
        var label = field.Label.Trim();
        var text = SlackMrkdwn.Render(label.Length > 0 ? $"*{label}*\n{field.Value}" : field.Value);
        return BlockKitLimits.Truncate(text.Trim(), BlockKitLimits.FieldText);
    }

    private static JsonObject Context(IReadOnlyList<string> lines)
    {
        var elements = lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => BlockKitLimits.Truncate(SlackMrkdwn.Render(l), BlockKitLimits.ContextText)).ToList();
        if (elements.Count > BlockKitLimits.ContextElements)
        {
            // Ten elements at most: the surplus joins the last one rather than being dropped.
            var tail = string.Join(" · ", elements.Skip(BlockKitLimits.ContextElements - 1));
            elements = elements.Take(BlockKitLimits.ContextElements - 1).Append(BlockKitLimits.Truncate(tail, BlockKitLimits.ContextText)).ToList();
        }

        return new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray(elements.Select(e => (JsonNode)Markdown(e)).ToArray()),
        };
    }

    private static JsonObject? Actions(ActionsBlock actions, int index)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var elements = new JsonArray();
        foreach (var button in actions.Buttons.Where(b => !string.IsNullOrWhiteSpace(b.Text) && !string.IsNullOrEmpty(b.ActionId)))
        {
            if (elements.Count == BlockKitLimits.ActionsElements)
            {
                break;
            }

            // An action id past the limit cannot be cut without breaking its route: such a button is left out.
            var occurrence = seen[button.ActionId] = seen.GetValueOrDefault(button.ActionId) + 1;
            var actionId = BlockIds.Numbered(button.ActionId, occurrence);
            if (actionId.Length > BlockKitLimits.ActionId || button.Value.Length > BlockKitLimits.ButtonValue)
            {
                continue;
            }

            var json = new JsonObject
            {
                ["type"] = "button",
                ["text"] = PlainText(BlockKitLimits.Truncate(SlackMrkdwn.Plain(button.Text), BlockKitLimits.ButtonText)),
                ["action_id"] = actionId,
                ["value"] = button.Value,
            };
            if (button.Url is { } url)
            {
                // A link button opens the page in the browser (Slack still reports the click, which needs no answer).
                if (url.Length > BlockKitLimits.ButtonUrl || !Uri.TryCreate(url, UriKind.Absolute, out var link) || link.Scheme is not ("https" or "http"))
                {
                    continue;
                }

                json["url"] = url;
            }

            switch (button.Style)
            {
                case ButtonStyle.Primary:
                    json["style"] = "primary";
                    break;
                case ButtonStyle.Danger:
                    json["style"] = "danger";
                    break;
            }

            elements.Add(json);
        }

        return elements.Count == 0 ? null : new JsonObject { ["type"] = "actions", ["block_id"] = $"actions-{index}", ["elements"] = elements };
    }

    private static JsonObject Input(TextInputBlock input)
    {
        var id = BlockKitLimits.Truncate(input.InputId, BlockKitLimits.BlockId);
        var element = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["action_id"] = id,
            ["multiline"] = input.Multiline,
        };
        if (!string.IsNullOrEmpty(input.InitialValue))
        {
            element["initial_value"] = BlockKitLimits.Truncate(SlackMrkdwn.Plain(input.InitialValue), BlockKitLimits.InputInitialValue);
        }

        if (!string.IsNullOrWhiteSpace(input.Placeholder))
        {
            element["placeholder"] = PlainText(BlockKitLimits.Truncate(SlackMrkdwn.Plain(input.Placeholder), BlockKitLimits.InputPlaceholder));
        }

        return new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = id,
            ["label"] = PlainText(BlockKitLimits.Truncate(string.IsNullOrWhiteSpace(input.Label) ? "Text" : SlackMrkdwn.Plain(input.Label), BlockKitLimits.InputLabel)),
            ["element"] = element,
        };
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    private static JsonObject Markdown(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };
}
