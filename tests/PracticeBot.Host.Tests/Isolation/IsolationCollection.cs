namespace PracticeBot.Host.Tests.Isolation;

/// <summary>The matrix on SQLite and on PostgreSQL run one after the other, not side by side on a 2-core machine.</summary>
[CollectionDefinition(Name)]
public sealed class IsolationCollection
{
    public const string Name = "isolation matrix";
}
