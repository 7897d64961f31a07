using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace PracticeBot.Host.Storage;

/// <summary>Fails the start with a message that names the key to fix.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!string.Equals(options.Provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase) && !options.IsPostgres)
        {
            return ValidateOptionsResult.Fail(
                $"Database:Provider must be '{DatabaseOptions.Sqlite}' or '{DatabaseOptions.Postgres}', not '{options.Provider}'.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.ConnectionStringKey} is required when Database:Provider is '{DatabaseOptions.Postgres}' " +
                "(for example Host=127.0.0.1;Port=5432;Database=practicebot;Username=practicebot;Password=…; " +
                "as an environment variable: ConnectionStrings__PracticeBot).");
        }

        try
        {
            if (options.IsPostgres)
            {
                ParsePostgres(options.ConnectionString);
            }
            else
            {
                _ = new SqliteConnectionStringBuilder(options.ConnectionString);
            }
        }
        catch (ArgumentException)
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.ConnectionStringKey} is not a valid {options.Provider} connection string.");
        }

        return ValidateOptionsResult.Success;
    }

    /// <summary>Its own method, not inlined, so that a SQLite host does not load Npgsql just to validate its options.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ParsePostgres(string connectionString) => _ = new NpgsqlConnectionStringBuilder(connectionString);
}
