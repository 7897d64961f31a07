using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Tests.Conversation;

public sealed class StorageFailureTests
{
    [Fact]
    public void IsUnavailable_SqliteBusyWrappedByEf_True()
    {
        var busy = new DbUpdateException("save failed", new SqliteException("database is locked", 5, 5));

        Assert.True(StorageFailure.IsUnavailable(busy));
    }

    [Theory]
    [InlineData(19)] // constraint
    [InlineData(1)] // SQL error
    public void IsUnavailable_SqliteErrorThatIsABug_False(int code)
    {
        Assert.False(StorageFailure.IsUnavailable(new DbUpdateException("save failed", new SqliteException("no", code, code))));
    }

    [Fact]
    public void IsUnavailable_TimeoutDeepInTheChain_True()
    {
        Assert.True(StorageFailure.IsUnavailable(new InvalidOperationException("outer", new AggregateException(new TimeoutException()))));
    }

    [Fact]
    public void IsUnavailable_PlainBug_False()
    {
        Assert.False(StorageFailure.IsUnavailable(new InvalidOperationException("boom", new ArgumentException("x"))));
    }
}
