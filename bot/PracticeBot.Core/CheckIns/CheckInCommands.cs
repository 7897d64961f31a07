using PracticeBot.Core.Conversation.Commands;

namespace PracticeBot.Core.CheckIns;

/// <summary>The weekly check-in's commands: one declaration each.</summary>
public static class CheckInCommands
{
    public static readonly CommandSpec CheckIn = CommandSpec.Declare<RunCheckInNow>(
        CommandCatalog.PracticeRoot, "checkin", "", "Run the weekly check-in now.", Access.Managers, [], mutates: true,
        details: "The digest in the channel, and this week's nudges.");

    public static readonly CommandSpec Digest = CommandSpec.Declare<ShowDigest>(
        CommandCatalog.PracticeRoot, "digest", "", "Show this week's digest to you only.", Access.Members, []);

    public static readonly IReadOnlyList<CommandSpec> All = [CheckIn, Digest];
}
