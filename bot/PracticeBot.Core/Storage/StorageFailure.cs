using System.Data.Common;
using System.Net.Sockets;

namespace PracticeBot.Core.Storage;

/// <summary>
/// Tells a database that is briefly unreachable or busy (worth answering "try again shortly") from a bug. Looks
/// through the whole exception chain, because EF Core and the providers wrap the cause.
/// </summary>
public static class StorageFailure
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsUnavailable(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case TimeoutException or SocketException:
                case DbException { IsTransient: true }:
                // Read by reflection, so the core needs no SQLite reference: a file held by another writer past the busy timeout.
                case DbException when ex.GetType().Name == "SqliteException"
                                      && ex.GetType().GetProperty("SqliteErrorCode")?.GetValue(ex) is SqliteBusy or SqliteLocked:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsUnavailable):
                    return true;
            }
        }

        return false;
    }
}
