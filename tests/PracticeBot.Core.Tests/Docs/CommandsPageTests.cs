using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Help;

namespace PracticeBot.Core.Tests.Docs;

/// <summary>
/// <c>docs/commands.md</c>'s table is the commands' declarations written out: it fails when the page is stale, and
/// with <c>PRACTICEBOT_UPDATE_DOCS=1</c> it rewrites the table instead (then commit the page).
/// </summary>
public sealed class CommandsPageTests
{
    private static readonly string PagePath = Path.Combine(RepoPaths.Root, "docs", "commands.md");

    [Fact]
    public void CommandsPage_Table_IsTheDeclarations()
    {
        var page = File.ReadAllText(PagePath).ReplaceLineEndings("\n");
        var expected = CommandsTable.Splice(page, CommandsTable.Markdown(CommandCatalog.All));
        if (page != expected && Environment.GetEnvironmentVariable("PRACTICEBOT_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(PagePath, expected);
            page = expected;
        }

        Assert.True(
            page == expected,
            "docs/commands.md is stale: its commands table differs from the declarations. " +
            "Run this test with PRACTICEBOT_UPDATE_DOCS=1 to rewrite it, and commit the page.");
    }

    [Fact]
    public void Table_EveryCommand_HasOneRowWithItsUsageAndWho()
    {
        var rows = CommandsTable.Markdown(CommandCatalog.All).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();

        Assert.Equal(CommandCatalog.All.Count, rows.Count);
        Assert.All(CommandCatalog.All, command => Assert.Single(
            rows,
            row => row.StartsWith($"| `{command.Syntax.Replace("|", "\\|", StringComparison.Ordinal)}` | {command.Access.Describe()} |", StringComparison.Ordinal)));
    }

    [Fact]
    public void Splice_StaleTable_IsReplacedAndTheRestKept()
    {
        var page = $"# Commands\n\nIntro.\n\n{CommandsTable.Begin}\n| old | table |\n{CommandsTable.End}\n\nAfter.\n";

        var spliced = CommandsTable.Splice(page, "| new |\n");

        Assert.Equal($"# Commands\n\nIntro.\n\n{CommandsTable.Begin}\n| new |\n{CommandsTable.End}\n\nAfter.\n", spliced);
    }

    [Fact]
    public void Splice_PageWithoutMarkers_SaysWhatIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CommandsTable.Splice("# Commands\n", "| new |\n"));

        Assert.Contains("markers", error.Message, StringComparison.Ordinal);
    }
}
