using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Conversation.Commands;

/// <summary>
/// One command of the grammar, declared once by the feature that owns it (<c>ReviewCommands.Claim</c>): its words,
/// its arguments, who may run it, its help text and its handler. The route name is <c>"{Root} {Verb}"</c>; the parser,
/// the router, help, authorization, <c>docs/commands.md</c> and the manifests' tests all read it from here.
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

    /// <summary>The words typed to run it: <c>review claim</c>, or just <c>review</c> for an implicit verb.</summary>
    public string Words => Implicit ? Root : RouteName;

    /// <summary>The handler the router runs for it (an <see cref="IBotHandler{CommandInvocation}"/>); null only for a bare grammar entry.</summary>
    public Type? HandlerType { get; init; }

    /// <summary>See <see cref="Route.TrackedWritesOnly"/>; a read-only command always is.</summary>
    public bool TrackedWritesOnly { get; init; }

    /// <summary>More than <see cref="Summary"/> for <c>docs/commands.md</c>: who else may, what happens on the way.</summary>
    public string? Details { get; init; }

    /// <summary>A whole command line that works (<c>practice set targets 72h negative 24h</c>); null: made from the arguments.</summary>
    public string? Example { get; init; }

    /// <summary>The example shown with the usage when an argument is wrong: <see cref="Example"/>, or one made from the arguments' kinds.</summary>
    public string ExampleLine => Example ?? CommandExamples.Make(this);

    /// <summary>
    /// Declares a command run by <typeparamref name="THandler"/>. <paramref name="usage"/> is what follows the command
    /// words (<c>&lt;id&gt; [@user]</c>); forms separated by <c>" | "</c> each get the words (<c>&lt;n&gt;/week | off</c>).
    /// </summary>
    public static CommandSpec Declare<THandler>(
        string root,
        string verb,
        string usage,
        string summary,
        Access access,
        IReadOnlyList<CommandParam> parameters,
        bool isImplicit = false,
        bool mutates = false,
        bool readOnly = false,
        bool trackedWritesOnly = false,
        string? details = null)
        where THandler : class, IBotHandler<CommandInvocation>
    {
        var words = isImplicit ? root : $"{root} {verb}";
        var syntax = string.Join(" | ", usage.Split(" | ").Select(form => form.Length == 0 ? words : $"{words} {form}"));
        return new CommandSpec(root, verb, syntax, summary, access, parameters, isImplicit, mutates, readOnly)
        {
            HandlerType = typeof(THandler),
            TrackedWritesOnly = trackedWritesOnly,
            Details = details,
        };
    }
}
