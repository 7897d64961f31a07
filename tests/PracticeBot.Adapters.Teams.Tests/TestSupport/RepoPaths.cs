namespace PracticeBot.Adapters.Teams.Tests.TestSupport;

/// <summary>The repository root (the folder of <c>PracticeBot.sln</c>) and the shared folder beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

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
