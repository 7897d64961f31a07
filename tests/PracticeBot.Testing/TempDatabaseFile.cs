using Microsoft.Data.Sqlite;

namespace PracticeBot.Testing;

/// <summary>A SQLite file path (in a <c>data</c> folder the host creates) in a folder of its own that is deleted with everything in it.</summary>
public sealed class TempDatabaseFile : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("practicebot-test-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "data", "practicebot.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pool is left to the OS's temp cleaning.
        }
    }
}
