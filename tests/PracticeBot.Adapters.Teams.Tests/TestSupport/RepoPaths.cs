namespace PracticeBot.Adapters.Teams.Tests.TestSupport;

/// <summary>The repository root (the folder of <c>PracticeBot.sln</c>) and the folders the tests read inside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The official manifest schemas, vendored in the repository so that a clone needs nothing beside it.</summary>
    public static string Schemas => Path.Combine(Root, "manifests", "schemas");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PracticeBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PracticeBot.sln not found above the test's output folder.");
    }
}
