using System.Text;
using System.Text.RegularExpressions;

namespace PracticeBot.Core.Tests.Docs;

/// <summary>
/// Every relative link in the repository's Markdown (README, docs/, the other pages) points at a file that exists,
/// and an anchor at a heading of that page: pages move, and a newcomer's first click must not be a dead end.
/// </summary>
public sealed partial class DocsLinkTests
{
    private static readonly string[] Skipped = ["bin", "obj", "node_modules", ".git", "TestResults", "BenchmarkDotNet.Artifacts"];

    [Fact]
    public void MarkdownLinks_Relative_PointAtExistingFilesAndHeadings()
    {
        var broken = new List<string>();
        foreach (var page in MarkdownPages())
        {
            foreach (var (line, target) in Links(page))
            {
                if (Problem(page, target) is { } problem)
                {
                    broken.Add($"{Path.GetRelativePath(RepoPaths.Root, page)}:{line}: ({target}) {problem}");
                }
            }
        }

        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void Readme_Length_IsAtMostTwoHundredLines()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md")).Length;

        Assert.True(lines <= 200, $"README.md has {lines} lines: keep it to the pitch, the two commands, the local chat and links; the rest goes to docs/.");
    }

    [Fact]
    public void DocsPages_Opening_SayWhoTheyAreFor()
    {
        var silent = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Where(page => !FirstParagraph(page).StartsWith("For ", StringComparison.Ordinal))
            .Select(page => Path.GetRelativePath(RepoPaths.Root, page))
            .ToList();

        Assert.True(silent.Count == 0, "These pages do not open with who they are for (\"For …\" under the title):\n" + string.Join('\n', silent));
    }

    [Theory]
    [InlineData("Limits and outages", "limits-and-outages")]
    [InlineData("What limits each missed target", "what-limits-each-missed-target")]
    [InlineData("`review suggest` and the model", "review-suggest-and-the-model")]
    [InlineData("Figures, and how far they are from the targets", "figures-and-how-far-they-are-from-the-targets")]
    public void Slug_Heading_IsGitHubsAnchor(string heading, string expected) => Assert.Equal(expected, Slug(heading));

    private static IEnumerable<string> MarkdownPages()
    {
        var pending = new Stack<string>([RepoPaths.Root]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir).Where(d => !Skipped.Contains(Path.GetFileName(d))))
            {
                pending.Push(sub);
            }

            foreach (var page in Directory.EnumerateFiles(dir, "*.md"))
            {
                yield return page;
            }
        }
    }

    private static IEnumerable<(int Line, string Target)> Links(string page)
    {
        var inFence = false;
        var number = 0;
        foreach (var line in File.ReadLines(page))
        {
            number++;
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            foreach (Match link in LinkPattern().Matches(WithoutCodeSpans(line)))
            {
                yield return (number, link.Groups["target"].Value);
            }
        }
    }

    private static string? Problem(string page, string target)
    {
        if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var file = hash < 0 ? target : target[..hash];
        var anchor = hash < 0 ? null : target[(hash + 1)..];
        var path = file.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(file)));
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return "no such file";
        }

        if (anchor is null || !path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Headings(path).Contains(anchor) ? null : $"no heading #{anchor} in {Path.GetFileName(path)}";
    }

    private static HashSet<string> Headings(string page)
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var inFence = false;
        foreach (var line in File.ReadLines(page))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (!inFence && line.StartsWith('#'))
            {
                var slug = Slug(line.TrimStart('#'));
                var unique = slug;
                for (var n = 1; !slugs.Add(unique); n++)
                {
                    unique = $"{slug}-{n}";
                }
            }
        }

        return slugs;
    }

    /// <summary>GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static string Slug(string heading)
    {
        var text = new StringBuilder();
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                text.Append(c);
            }
            else if (c == ' ')
            {
                text.Append('-');
            }
        }

        return text.ToString();
    }

    private static string FirstParagraph(string page) =>
        File.ReadLines(page).SkipWhile(l => !l.StartsWith("# ", StringComparison.Ordinal)).Skip(1)
            .SkipWhile(string.IsNullOrWhiteSpace).FirstOrDefault() ?? "";

    private static string WithoutCodeSpans(string line) => CodeSpan().Replace(line, "");

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex LinkPattern();
}
