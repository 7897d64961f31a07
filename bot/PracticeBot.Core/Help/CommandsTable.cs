using System.Text;
using PracticeBot.Core.Conversation.Commands;

namespace PracticeBot.Core.Help;

/// <summary>
/// The commands table of <c>docs/commands.md</c>, written from the declarations so the page cannot drift from the bot:
/// a test compares the page with it (and rewrites it with <c>PRACTICEBOT_UPDATE_DOCS=1</c>).
/// </summary>
public static class CommandsTable
{
    public const string Begin = "<!-- commands table: generated from the command declarations (CommandsPageTests; PRACTICEBOT_UPDATE_DOCS=1 rewrites it) -->";
    public const string End = "<!-- end of the commands table -->";

    /// <summary>The Markdown table, one row per command, in the order help lists them.</summary>
    public static string Markdown(IEnumerable<CommandSpec> commands)
    {
        var table = new StringBuilder();
        table.Append("| command | who | what |\n|---|---|---|\n");
        foreach (var command in commands.OrderBy(c => CommandCatalog.Roots.ToList().IndexOf(c.Root)))
        {
            var what = command.Details is null ? command.Summary : $"{command.Summary} {command.Details}";
            table.Append($"| `{Cell(command.Syntax)}` | {Cell(command.Access.Describe())} | {Cell(what)} |\n");
        }

        return table.ToString();
    }

    /// <summary><paramref name="page"/> with the text between the markers replaced by <paramref name="table"/>.</summary>
    public static string Splice(string page, string table)
    {
        ArgumentNullException.ThrowIfNull(page);
        var begin = page.IndexOf(Begin, StringComparison.Ordinal);
        var end = page.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new InvalidOperationException($"The page has no '{Begin}' … '{End}' markers to put the table between.");
        }

        var from = begin + Begin.Length;
        return $"{page[..from]}\n{table}{page[end..]}";
    }

    // A pipe inside a table cell ends the cell, in a code span too, unless it is escaped.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
