using System.Text;

namespace PracticeBot.Core.Conversation.Messages;

/// <summary>Renders a neutral message as plain text: the local chat endpoint, logs of what was sent, notification fallbacks.</summary>
public static class PlainTextRenderer
{
    public static string Render(OutboundMessage message)
    {
        var files = message.Files is { Count: > 0 } attached
            ? string.Concat(attached.Select(f => $"\n[file: {f.Name}] {f.AltText}"))
            : "";
        if (message.Card is null)
        {
            return OutsideText.Strip(message.Text) + files;
        }

        var text = new StringBuilder();
        foreach (var block in message.Card.Blocks)
        {
            switch (block)
            {
                case HeaderBlock header:
                    text.AppendLine(header.Text);
                    break;
                case SectionBlock section:
                    text.AppendLine(section.Text);
                    foreach (var field in section.Fields ?? [])
                    {
                        text.Append("  ").Append(field.Label).Append(": ").AppendLine(field.Value);
                    }

                    break;
                case ContextBlock context:
                    text.AppendLine(string.Join(" · ", context.Lines));
                    break;
                case ImageBlock image:
                    text.Append('[').Append(image.AltText).Append("] ").AppendLine(image.Url);
                    break;
                case ActionsBlock actions:
                    text.AppendLine(string.Join("  ", actions.Buttons.Select(b => $"[{b.Text}]")));
                    break;
                case DividerBlock:
                    text.AppendLine("---");
                    break;
                case TextInputBlock input:
                    text.Append(input.Label).Append(": ").AppendLine(input.InitialValue ?? "…");
                    break;
            }
        }

        // Plain text has no markup for outside text to hide in: its marks are simply removed.
        return OutsideText.Strip(text.ToString().TrimEnd()) + files;
    }
}
