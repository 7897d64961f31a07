using PracticeBot.Core.Practices.Settings;

namespace PracticeBot.Core.Tests.Docs;

/// <summary>
/// <c>docs/settings.md</c>'s table is <see cref="SettingsCatalog"/> written out: it fails when the page is stale, and
/// with <c>PRACTICEBOT_UPDATE_DOCS=1</c> it rewrites the table instead (then commit the page).
/// </summary>
public sealed class SettingsPageTests
{
    private static readonly string PagePath = Path.Combine(RepoPaths.Root, "docs", "settings.md");

    [Fact]
    public void SettingsPage_Table_IsTheCatalog()
    {
        var page = File.ReadAllText(PagePath).ReplaceLineEndings("\n");
        var expected = SettingsTable.Splice(page, SettingsTable.Markdown());
        if (page != expected && Environment.GetEnvironmentVariable("PRACTICEBOT_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(PagePath, expected);
            page = expected;
        }

        Assert.True(page == expected, "docs/settings.md is stale: run this test with PRACTICEBOT_UPDATE_DOCS=1 to rewrite its table, and commit the page.");
        Assert.All(SettingsCatalog.All, s => Assert.Contains($"| `{s.Key}` |", page, StringComparison.Ordinal));
    }
}
