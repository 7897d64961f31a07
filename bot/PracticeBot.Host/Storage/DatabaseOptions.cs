using Microsoft.Data.Sqlite;
using Npgsql;

namespace PracticeBot.Host.Storage;

/// <summary><c>Database:Provider</c> and <c>ConnectionStrings:PracticeBot</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "PracticeBot";
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string DefaultSqliteConnectionString = "Data Source=data/practicebot.db";

    public string Provider { get; set; } = Sqlite;

    /// <summary>From <c>ConnectionStrings:PracticeBot</c>; SQLite alone has a default, so PostgreSQL never silently gets a file.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the options; a relative SQLite path is taken from <paramref name="contentRoot"/>, so every start finds the same file.</summary>
    public static DatabaseOptions From(IConfiguration configuration, string contentRoot)
    {
        var options = new DatabaseOptions();
        configuration.GetSection(SectionName).Bind(options);
        options.ConnectionString = configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } cs
            ? cs
            : options.IsPostgres ? null : DefaultSqliteConnectionString;
        if (!options.IsPostgres && options.ConnectionString is { } sqlite)
        {
            options.ConnectionString = RootSqlitePath(sqlite, contentRoot);
        }

        return options;
    }

    private static string RootSqlitePath(string connectionString, string contentRoot)
    {
        try
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            var source = builder.DataSource;
            if (source.Length > 0 && source != ":memory:" && !source.StartsWith("file:", StringComparison.Ordinal) && !Path.IsPathRooted(source))
            {
                builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, source));
            }

            return builder.ToString();
        }
        catch (ArgumentException)
        {
            return connectionString; // reported by the validator, with the key named
        }
    }

    /// <summary>What to print about the database: never the password.</summary>
    public string Describe()
    {
        try
        {
            if (IsPostgres)
            {
                var pg = new NpgsqlConnectionStringBuilder(ConnectionString);
                return $"PostgreSQL {pg.Host}:{pg.Port}/{pg.Database}";
            }

            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            return $"SQLite {Path.GetRelativePath(Environment.CurrentDirectory, file)}";
        }
        catch (ArgumentException)
        {
            return Provider;
        }
    }
}
