using System.Text.Json.Serialization;

namespace PracticeBot.Core.Conversation.Messages;

/// <summary>One block of a card. The set is closed so renderers can be exhaustive.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(ImageBlock), "image")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(TextInputBlock), "input")]
public abstract record CardBlock;

/// <summary>A title line.</summary>
public sealed record HeaderBlock(string Text) : CardBlock;

/// <summary>A paragraph of text (light markdown: <c>*bold*</c>, <c>_italic_</c>, links) with optional label/value fields.</summary>
public sealed record SectionBlock(string Text, IReadOnlyList<CardField>? Fields = null) : CardBlock;

/// <summary>A label and its value, shown side by side.</summary>
public sealed record CardField(string Label, string Value);

/// <summary>Small grey lines: who claimed it, when it arrived.</summary>
public sealed record ContextBlock(IReadOnlyList<string> Lines) : CardBlock;

/// <summary>An image by URL (a chart, a source logo).</summary>
public sealed record ImageBlock(string Url, string AltText) : CardBlock;

/// <summary>A row of buttons.</summary>
public sealed record ActionsBlock(IReadOnlyList<CardButton> Buttons) : CardBlock;

/// <summary>A horizontal rule.</summary>
public sealed record DividerBlock : CardBlock;

/// <summary>A text input whose value comes back in <see cref="Events.ActionInvoked.Inputs"/> under <paramref name="InputId"/>.</summary>
public sealed record TextInputBlock(string InputId, string Label, bool Multiline = false, string? InitialValue = null, string? Placeholder = null)
    : CardBlock;

public enum ButtonStyle
{
    Default,
    Primary,
    Danger,
}

/// <summary>
/// A button: pressing it raises <see cref="Events.ActionInvoked"/> with this action id and value. With a
/// <paramref name="Url"/> it is a link button that opens the page (Slack <c>url</c>, Adaptive Card <c>Action.OpenUrl</c>).
/// </summary>
public sealed record CardButton(string Text, string ActionId, string Value, ButtonStyle Style = ButtonStyle.Default, string? Url = null);
