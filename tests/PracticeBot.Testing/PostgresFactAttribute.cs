namespace PracticeBot.Testing;

/// <summary>
/// A test that needs PostgreSQL. Outside CI it is skipped, visibly, unless <c>PRACTICEBOT_TEST_POSTGRES</c> holds a
/// connection string; in CI (<c>CI=true</c>) it always runs, so a missing server fails instead of passing silently.
/// </summary>
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

/// <summary>The theory form of <see cref="PostgresFactAttribute"/>.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (TestPostgres.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
