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

    /// <summary>
    /// PostgreSQL only: how long opening a connection may take, and one command, unless the connection string says
    /// (<c>Timeout</c>, <c>Command Timeout</c>). Short, so that a database that went away answers requests with a quick
    /// 503 instead of holding them for Npgsql's defaults (15 s and 30 s).
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <inheritdoc cref="ConnectTimeout"/>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(10);

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

        if (options.IsPostgres && options.ConnectionString is { } postgres)
        {
            options.ConnectionString = WithTimeouts(postgres, options);
        }

        return options;
    }

    private static string WithTimeouts(string connectionString, DatabaseOptions options)
    {
        try
        {
            var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (!given.ContainsKey("Timeout") && options.ConnectTimeout > TimeSpan.Zero)
            {
                builder.Timeout = (int)Math.Ceiling(options.ConnectTimeout.TotalSeconds);
            }

            if (!given.ContainsKey("Command Timeout") && !given.ContainsKey("CommandTimeout") && options.CommandTimeout > TimeSpan.Zero)
            {
                builder.CommandTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds);
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return connectionString; // reported by the validator, with the key named
        }
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
