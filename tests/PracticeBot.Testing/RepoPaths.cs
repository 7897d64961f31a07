namespace PracticeBot.Testing;

/// <summary>The repository root (where <c>PracticeBot.sln</c> is) and the folders the tests read inside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The official manifest schemas, vendored in the repository so that a clone needs nothing beside it.</summary>
    public static string Schemas => Path.Combine(Root, "manifests", "schemas");

    /// <summary>The source folder of the running test project: the first folder above its output that holds a project file.</summary>
    public static string TestProject { get; } = FindTestProject();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PracticeBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"PracticeBot.sln not found above {AppContext.BaseDirectory}.");
    }

    private static string FindTestProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (dir.EnumerateFiles("*.csproj").Any())
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No project file found above {AppContext.BaseDirectory}.");
    }
}
