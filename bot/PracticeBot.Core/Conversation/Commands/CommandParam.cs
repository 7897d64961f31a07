namespace PracticeBot.Core.Conversation.Commands;

/// <summary>One argument of a command.</summary>
public sealed record CommandParam(string Name, ParamKind Kind, bool Optional = false, IReadOnlyList<string>? Choices = null)
{
    public static CommandParam Required(string name, ParamKind kind, params string[] choices) =>
        new(name, kind, false, choices.Length == 0 ? null : choices);

    public static CommandParam OptionalOf(string name, ParamKind kind, params string[] choices) =>
        new(name, kind, true, choices.Length == 0 ? null : choices);

    /// <summary>Whether this parameter swallows the rest of the line.</summary>
    public bool IsRest => Kind is ParamKind.Text or ParamKind.Words or ParamKind.NameAndTimeZone;
}
