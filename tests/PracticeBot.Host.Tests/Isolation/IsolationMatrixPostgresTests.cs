using Npgsql;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Isolation;

/// <summary>
/// The matrix on PostgreSQL, where the tenant filter and the conditional updates are another dialect's SQL: A's manager
/// (who reaches every handler) with every attempt through both adapters, and a Slack workspace bound to no practice with
/// every review command. Failures are collected, so one run names every row that broke.
/// </summary>
[Collection(IsolationCollection.Name)]
public sealed class IsolationMatrixPostgresTests
{
    [PostgresFact]
    public async Task Attempt_AimedAtPracticeB_NeverReachesBOnPostgres()
    {
        // Pooled: hundreds of turns each opening a fresh connection would measure PostgreSQL's handshakes, not the bot.
        var connectionString = new NpgsqlConnectionStringBuilder(await TestPostgres.CreateDatabaseAsync()) { Pooling = true }.ConnectionString;
        var failures = new List<string>();
        try
        {
            await using var matrix = await IsolationMatrix.StartAsync(BotFactory.Postgres(connectionString));
            foreach (var (adapter, role, attempt, delivery) in IsolationMatrix.Rows().Where(OnPostgres))
            {
                try
                {
                    await matrix.RunAsync(adapter, role, attempt, delivery);
                }
                catch (Exception ex) when (ex is Xunit.Sdk.XunitException)
                {
                    failures.Add($"{adapter} / {role} / {attempt.Name} / {delivery}: {ex.Message}");
                }
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await TestPostgres.DropDatabaseAsync(connectionString);
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static bool OnPostgres((string Adapter, string Role, Attempt Attempt, string Delivery) row) =>
        row.Role == "manager" && row.Delivery == IsolationMatrix.DeliveriesOf(row.Adapter, row.Attempt).First()
        || row.Role == IsolationMatrix.Unbound && row.Adapter == Core.Conversation.Platforms.Slack && row.Attempt.Route.StartsWith("command:review ", StringComparison.Ordinal);
}
