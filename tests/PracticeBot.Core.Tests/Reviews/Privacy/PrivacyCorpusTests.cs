using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PracticeBot.Core.Reviews.Privacy;
using Xunit.Abstractions;

namespace PracticeBot.Core.Tests.Reviews.Privacy;

/// <summary>
/// The labelled corpus of issue 17 (Corpus/dev.tsv and Corpus/holdout.tsv, written for this project): realistic
/// drafts, each unsafe or safe, with the class of disclosure or of false alarm it stands for. The held-out fifth was
/// written before the analyser and is never tuned against; its figures are printed and asserted separately.
/// </summary>
public sealed partial class PrivacyCorpusTests(ITestOutputHelper output)
{
    private const double MinimumRecall = 0.97;
    private const double MaximumFalseAlarms = 0.02;

    public sealed record Draft(string Split, string Label, string Class, string? Reviewer, string? Practice, string Text)
    {
        public bool Unsafe => Label == "unsafe";
    }

    [Fact]
    public void Corpus_IsLargeEnoughAndHoldsOutAFifth()
    {
        var corpus = Load();

        Assert.True(corpus.Count >= 150, $"{corpus.Count} drafts");
        Assert.True(corpus.Count(d => d.Unsafe) >= 100);
        Assert.True(corpus.Count(d => !d.Unsafe) >= 50);
        Assert.Equal(corpus.Count / 5, corpus.Count(d => d.Split == "holdout"));
        Assert.Equal(
            ["billing", "clinical", "datetime", "family", "name", "obfuscated", "relationship", "staff"],
            corpus.Where(d => d.Unsafe).Select(d => d.Class).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(
            ["greeting", "hours", "numbers", "plain", "practice-general", "practice-name", "reviewer-word"],
            corpus.Where(d => !d.Unsafe).Select(d => d.Class).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_DevelopmentSplit_MeetsRecallAndFalseAlarmBars()
    {
        var (recall, falseAlarms) = Score(Load().Where(d => d.Split == "dev").ToList(), "development", showMisses: true);

        Assert.True(recall >= MinimumRecall, $"recall {recall:P1}");
        Assert.True(falseAlarms <= MaximumFalseAlarms, $"false alarms {falseAlarms:P1}");
    }

    [Fact]
    public void Check_HeldOutSplit_IsReportedSeparately()
    {
        // Printed without the drafts it misses, so that nobody tunes the rules to them.
        var (recall, falseAlarms) = Score(Load().Where(d => d.Split == "holdout").ToList(), "held-out", showMisses: false);

        Assert.True(recall >= MinimumRecall, $"held-out recall {recall:P1}");
        Assert.True(falseAlarms <= MaximumFalseAlarms, $"held-out false alarms {falseAlarms:P1}");
    }

    [Fact]
    public void Check_WholeCorpus_MeetsRecallAndFalseAlarmBars()
    {
        var (recall, falseAlarms) = Score(Load(), "whole corpus", showMisses: false);

        Assert.True(recall >= MinimumRecall, $"recall {recall:P1}");
        Assert.True(falseAlarms <= MaximumFalseAlarms, $"false alarms {falseAlarms:P1}");
    }

    private (double Recall, double FalseAlarms) Score(IReadOnlyList<Draft> drafts, string name, bool showMisses)
    {
        var report = new StringBuilder();
        var caught = 0;
        var alarms = 0;
        report.AppendLine(CultureInfo.InvariantCulture, $"{name}: {drafts.Count} drafts");
        foreach (var group in drafts.GroupBy(d => (d.Unsafe, d.Class)).OrderBy(g => !g.Key.Unsafe).ThenBy(g => g.Key.Class, StringComparer.Ordinal))
        {
            var high = group.Count(d => PrivacyCheck.Check(d.Text, d.Reviewer, d.Practice).IsHighRisk);
            if (group.Key.Unsafe)
            {
                caught += high;
                report.AppendLine(CultureInfo.InvariantCulture, $"  unsafe {group.Key.Class,-16} recall {high}/{group.Count()}");
            }
            else
            {
                alarms += high;
                report.AppendLine(CultureInfo.InvariantCulture, $"  safe   {group.Key.Class,-16} false alarms {high}/{group.Count()}");
            }

            foreach (var draft in group.Where(d => showMisses && PrivacyCheck.Check(d.Text, d.Reviewer, d.Practice).IsHighRisk != d.Unsafe))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"    {(draft.Unsafe ? "missed" : "false alarm")}: {draft.Text}");
            }
        }

        var unsafeCount = drafts.Count(d => d.Unsafe);
        var safeCount = drafts.Count - unsafeCount;
        var recall = (double)caught / unsafeCount;
        var falseAlarms = (double)alarms / safeCount;
        report.AppendLine(CultureInfo.InvariantCulture, $"  recall {caught}/{unsafeCount} = {recall:P1}; false alarms {alarms}/{safeCount} = {falseAlarms:P1}");
        output.WriteLine(report.ToString());
        return (recall, falseAlarms);
    }

    public static List<Draft> Load() => [.. Read("dev"), .. Read("holdout")];

    private static IEnumerable<Draft> Read(string split)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Reviews", "Privacy", "Corpus", $"{split}.tsv");
        var header = true;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var cells = line.Split('\t');
            Assert.True(cells.Length == 5, $"{split}.tsv: expected 5 columns in \"{line}\"");
            yield return new Draft(split, cells[0], cells[1], Optional(cells[2]), Optional(cells[3]), Unescape(cells[4]));
        }
    }

    private static string? Optional(string cell) => cell == "-" ? null : cell;

    private static string Unescape(string text) =>
        Escape().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());

    [GeneratedRegex(@"\\u([0-9A-Fa-f]{4})")]
    private static partial Regex Escape();
}
