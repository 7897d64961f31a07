namespace PracticeBot.Core.Tests.Hygiene;

/// <summary>
/// No production source file is longer than <see cref="MaxLines"/> lines: a longer one is split along its seams
/// (partial files by concern, a type of its own). Generated code is left out: EF migrations, their model snapshots,
/// <c>*.Designer.cs</c> and whatever is under <c>bin/</c> or <c>obj/</c>.
/// </summary>
public sealed class ProductionFileSizeTests
{
    public const int MaxLines = 400;

    private static readonly string[] ProductionFolders = ["bot", "adapters"];
    private static readonly string[] SkippedFolders = ["bin", "obj", "Migrations"];

    [Fact]
    public void ProductionFiles_AtMost400Lines()
    {
        var tooLong = ProductionFolders.SelectMany(folder => FilesOver(Path.Combine(RepoPaths.Root, folder), MaxLines)).ToList();

        Assert.True(
            tooLong.Count == 0,
            $"Production files over {MaxLines} lines (split them along their seams, e.g. partial files by concern):\n"
                + string.Join('\n', tooLong.Select(f => $"{Path.GetRelativePath(RepoPaths.Root, f.Path)}: {f.Lines} lines")));
    }

    [Fact]
    public void FilesOver_FileLongerThanLimit_IsNamed_GeneratedAndShortFilesAreNot()
    {
        var root = Directory.CreateTempSubdirectory("practicebot-hygiene-").FullName;
        try
        {
            Write(root, "Feature/Long.cs", MaxLines + 1);
            Write(root, "Feature/Exact.cs", MaxLines);
            Write(root, "Feature/Form.Designer.cs", MaxLines * 2);
            Write(root, "Storage/PracticeBotDbModelSnapshot.cs", MaxLines * 2);
            Write(root, "Storage/Migrations/20260101_Initial.cs", MaxLines * 2);
            Write(root, "obj/Debug/Generated.cs", MaxLines * 2);
            Write(root, "Feature/notes.md", MaxLines * 2);

            var found = FilesOver(root, MaxLines);

            var single = Assert.Single(found);
            Assert.Equal(Path.Combine(root, "Feature", "Long.cs"), single.Path);
            Assert.Equal(MaxLines + 1, single.Lines);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The hand-written C# files of the production folders (<c>bot/</c>, <c>adapters/</c>).</summary>
    internal static IEnumerable<string> ProductionFiles() =>
        ProductionFolders.SelectMany(folder => HandWritten(Path.Combine(RepoPaths.Root, folder)));

    /// <summary>The hand-written C# files under <paramref name="root"/>: no generated code, nothing under bin/ or obj/.</summary>
    internal static IEnumerable<string> HandWritten(string root) =>
        Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Where(path => !IsGenerated(root, path));

    /// <summary>The hand-written C# files under <paramref name="root"/> longer than <paramref name="maxLines"/>.</summary>
    internal static List<(string Path, int Lines)> FilesOver(string root, int maxLines) =>
        HandWritten(root)
            .Select(path => (Path: path, Lines: File.ReadLines(path).Count()))
            .Where(f => f.Lines > maxLines)
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();

    private static bool IsGenerated(string root, string path)
    {
        var folders = Path.GetRelativePath(root, Path.GetDirectoryName(path)!).Split(Path.DirectorySeparatorChar);
        var name = Path.GetFileName(path);
        return folders.Any(f => SkippedFolders.Contains(f, StringComparer.Ordinal))
            || name.EndsWith(".Designer.cs", StringComparison.Ordinal)
            || name.EndsWith("ModelSnapshot.cs", StringComparison.Ordinal);
    }

    private static void Write(string root, string relativePath, int lines)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, Enumerable.Range(1, lines).Select(i => $"// line {i}"));
    }
}
