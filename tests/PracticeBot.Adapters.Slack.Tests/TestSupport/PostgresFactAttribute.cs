namespace PracticeBot.Adapters.Slack.Tests.TestSupport;

/// <summary>A test that needs PostgreSQL; see <see cref="TestPostgres"/>.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
