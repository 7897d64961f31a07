using PracticeBot.Core.Conversation.Commands;

namespace PracticeBot.Core.Reviews.Sources;

/// <summary>The review-source commands: one declaration each.</summary>
public static class ReviewSourceCommands
{
    public static readonly CommandSpec Sources = CommandSpec.Declare<ShowSources>(
        CommandCatalog.PracticeRoot, "sources", "", "Review sources and when they last synced.", Access.Managers, [], readOnly: true,
        details: "Each source with its status, last sync and review count.");

    public static readonly IReadOnlyList<CommandSpec> All = [Sources];
}
