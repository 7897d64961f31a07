namespace PracticeBot.Adapters.Teams.Tests.TestSupport;

/// <summary>A SQLite file in a folder of its own, deleted afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("practicebot-teams-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "practicebot.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pool is left to the OS's temp cleaning.
        }
    }
}
