namespace PracticeBot.Core.Tests.Hygiene;

/// <summary>
/// Every transaction the bot begins goes through <c>PracticeBotDb.BeginUnitOfWorkAsync</c>, which turns off EF Core's
/// automatic savepoint (Storage/UnitOfWorkTransactionTests): a direct <c>Database.BeginTransaction</c> would bring it back.
/// </summary>
public sealed class TransactionEntryTests
{
    [Fact]
    public void ProductionCode_BeginsTransactionsOnlyThroughTheUnitOfWork()
    {
        var direct = ProductionFileSizeTests.ProductionFiles()
            .Where(path => !path.EndsWith($"{Path.DirectorySeparatorChar}PracticeBotDb.cs", StringComparison.Ordinal))
            .Where(path => File.ReadAllText(path).Contains("Database.BeginTransaction", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(RepoPaths.Root, path))
            .ToList();

        Assert.True(direct.Count == 0, "Begin transactions with PracticeBotDb.BeginUnitOfWorkAsync, not Database.BeginTransaction: " + string.Join(", ", direct));
    }
}
