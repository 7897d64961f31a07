using PracticeBot.Core.CheckIns;
using PracticeBot.Core.Help;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Core.Conversation.Commands;

/// <summary>
/// The whole chat grammar of DESIGN.md: the command words, and every feature's declarations
/// (<see cref="ReviewCommands"/>, <see cref="PostingCommands"/>, …) put together. Nothing is declared here twice:
/// a command is added to its feature's <c>All</c> list and the parser, help, the docs page and the tests pick it up.
/// </summary>
public static class CommandCatalog
{
    public const string Review = "review";
    public const string Posting = "posting";
    public const string PracticeRoot = "practice";
    public const string Help = "help";
    public const string My = "my";

    public static readonly IReadOnlyList<string> Roots = [Review, Posting, PracticeRoot, Help, My];

    /// <summary>Every command, feature by feature; within a root, in the order help lists them.</summary>
    public static readonly IReadOnlyList<CommandSpec> All =
    [
        .. ReviewCommands.All,
        .. PostingCommands.All,
        .. PracticeCommands.All,
        .. ReviewSourceCommands.All,
        .. CheckInCommands.All,
        .. Dashboard.DashboardCommands.All,
        .. HelpCommands.All,
        .. Home.HomeCommands.All,
    ];

    public static IEnumerable<CommandSpec> ForRoot(string root) =>
        All.Where(c => string.Equals(c.Root, root, StringComparison.OrdinalIgnoreCase));

    public static CommandSpec ByRouteName(string routeName) =>
        All.FirstOrDefault(c => c.RouteName == routeName)
        ?? throw new ArgumentException($"No command is named '{routeName}'.", nameof(routeName));

    public static bool IsRoot(string word) => Roots.Contains(word.ToLowerInvariant());

    /// <summary>All usage lines of one root, for a malformed or incomplete command.</summary>
    public static string UsageOf(string root) =>
        string.Join("\n", ForRoot(root).Select(c => $"`{c.Syntax}`"));
}
