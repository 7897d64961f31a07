using System.Text;

namespace PracticeBot.Core.Practices.Settings;

/// <summary>
/// The settings table of <c>docs/settings.md</c>, written from <see cref="SettingsCatalog"/> so the page cannot drift
/// from the bot: a test compares the page with it (and rewrites it with <c>PRACTICEBOT_UPDATE_DOCS=1</c>).
/// </summary>
public static class SettingsTable
{
    public const string Begin = "<!-- settings table: generated from SettingsCatalog (SettingsPageTests; PRACTICEBOT_UPDATE_DOCS=1 rewrites it) -->";
    public const string End = "<!-- end of the settings table -->";

    public static string Markdown()
    {
        var table = new StringBuilder();
        table.Append("| setting | what it is | change it with | example | default |\n|---|---|---|---|---|\n");
        var defaults = new Practice { Name = "Your practice", Slug = "your-practice", TimeZone = SetupPractice.DefaultTimeZone };
        foreach (var setting in SettingsCatalog.All)
        {
            table.Append($"| `{setting.Key}` | {Cell(setting.Help)} | `{Cell(setting.Syntax)}` | `{Cell(setting.ExampleCommand)}` | {Cell(Conversation.Messages.OutsideText.Strip(setting.Format(defaults)))} |\n");
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

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
