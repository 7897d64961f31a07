namespace PracticeBot.Adapters.Slack.Tests.TestSupport;

/// <summary>The repository root (where <c>PracticeBot.sln</c> is) and the shared folder beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared</c> relative to the repository root: schemas shared by the project's worktrees.</summary>
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

        throw new InvalidOperationException($"PracticeBot.sln not found above {AppContext.BaseDirectory}.");
    }
}
