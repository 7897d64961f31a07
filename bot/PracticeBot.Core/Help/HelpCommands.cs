using PracticeBot.Core.Conversation.Commands;
using static PracticeBot.Core.Conversation.Commands.CommandParam;

namespace PracticeBot.Core.Help;

/// <summary>The help command: open to everyone, guests and workspaces not yet set up included.</summary>
public static class HelpCommands
{
    /// <summary>The roots help has a topic for (every one but help itself).</summary>
    public static readonly IReadOnlyList<string> Topics = [CommandCatalog.Review, CommandCatalog.Posting, CommandCatalog.PracticeRoot];

    public static readonly CommandSpec Help = CommandSpec.Declare<ShowHelp>(
        CommandCatalog.Help, "topics", $"[{string.Join("|", Topics)}]", "What the bot can do.", Access.Anyone,
        [OptionalOf("topic", ParamKind.Choice, [.. Topics])], isImplicit: true, readOnly: true);

    public static readonly IReadOnlyList<CommandSpec> All = [Help];
}
