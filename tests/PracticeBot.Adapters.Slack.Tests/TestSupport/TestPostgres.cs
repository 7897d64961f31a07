using Npgsql;

namespace PracticeBot.Adapters.Slack.Tests.TestSupport;

/// <summary>
/// The PostgreSQL server tests may use (<c>PRACTICEBOT_TEST_POSTGRES</c>), and a throwaway database on it. Outside CI
/// such tests are skipped, visibly, without the variable; in CI (<c>CI=true</c>) they always run.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "PRACTICEBOT_TEST_POSTGRES";

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    public static string? SkipReason =>
        ServerConnectionString is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? $"PostgreSQL test: set {Variable} to a server connection string (.ci/run starts one) to run it"
            : null;

    public static async Task<string> CreateDatabaseAsync()
    {
        var server = ServerConnectionString ?? throw new InvalidOperationException($"{Variable} is not set.");
        var name = $"pbslack_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
