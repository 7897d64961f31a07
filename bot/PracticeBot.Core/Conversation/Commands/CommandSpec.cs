namespace PracticeBot.Core.Conversation.Commands;

/// <summary>
/// One command of the grammar: its words, its arguments, who may run it. The route name is
/// <c>"{Root} {Verb}"</c>; help, authorization, the manifests and the parser all read it from here.
/// </summary>
/// <param name="Root">review, posting, practice or help.</param>
/// <param name="Verb">The sub-command word, or an implicit name (<c>list</c>, <c>show</c>) when <see cref="Implicit"/>.</param>
/// <param name="Syntax">The usage line people see: <c>review claim &lt;id&gt; [@user]</c>.</param>
/// <param name="Implicit">True when the verb is not typed: <c>review</c> lists, <c>review 12</c> shows.</param>
/// <param name="Mutates">True when it changes state, so it is written to the audit log.</param>
/// <param name="ReadOnly">True when it only reads, so its turn needs no write transaction (a list, a card, help).</param>
public sealed record CommandSpec(
    string Root,
    string Verb,
    string Syntax,
    string Summary,
    Access Access,
    IReadOnlyList<CommandParam> Params,
    bool Implicit = false,
    bool Mutates = false,
    bool ReadOnly = false)
{
    public string RouteName => $"{Root} {Verb}";
}
