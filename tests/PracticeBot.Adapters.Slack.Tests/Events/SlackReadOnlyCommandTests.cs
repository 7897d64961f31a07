using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PracticeBot.Adapters.Slack.Tests.TestSupport;

namespace PracticeBot.Adapters.Slack.Tests.Events;

/// <summary>
/// A read-only slash command writes nothing on its way through: Slack never retries a command, so there is no
/// delivery to deduplicate, and a list changes nothing to audit or refresh. Events API deliveries, which Slack does
/// retry, are still taken once.
/// </summary>
public sealed class SlackReadOnlyCommandTests
{
    [Theory]
    [InlineData("")]
    [InlineData("all")]
    [InlineData("mine")]
    public async Task SlashCommand_ReadOnlyReviewList_LeavesEveryTableUnchanged(string filter)
    {
        // Arrange: a practice with two reviews, the manager already a member; everything the setup wrote has settled.
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();
        await env.AddReviewAsync(2, "The wait was long.");
        await env.AddReviewAsync(5, "Lovely staff.");
        using (var warm = await env.Host.SlashCommandAsync("/review", filter))
        {
            warm.EnsureSuccessStatusCode();
        }

        await Task.Delay(300);
        var before = await SnapshotAsync(env.Host);

        // Act
        using var response = await env.Host.SlashCommandAsync("/review", filter);
        var body = await response.Content.ReadAsStringAsync();
        await Task.Delay(300);
        var after = await SnapshotAsync(env.Host);

        // Assert: answered in the acknowledgement, and not one row written, changed or removed anywhere.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ephemeral", (string?)JsonNode.Parse(body)!["response_type"]);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task EventCallback_RetriedAfterReadOnlyCommands_StillTakenOnce()
    {
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();
        using (var list = await env.Host.SlashCommandAsync("/review", ""))
        {
            list.EnsureSuccessStatusCode();
        }

        var body = SlackPayloads.EventCallback("Ev0RDONLY1", SlackPayloads.AppMention($"<@{SlackTestData.BotUserId}> review"));
        using var first = await env.Host.PostSignedAsync(body, "application/json");
        using var retry = await env.Host.PostSignedAsync(body, "application/json", retryNum: 1);
        await Eventually.TrueAsync(() => env.Slack.CallsTo("chat.postEphemeral").Count == 1, "the mention to be answered");
        await Task.Delay(500);

        Assert.Single(env.Slack.CallsTo("chat.postEphemeral"));
        Assert.Equal(1, await env.Host.WithDbAsync(db => db.InboundEvents.CountAsync(e => e.EventId == "Ev0RDONLY1")));
        Assert.Equal(1, await env.Host.WithDbAsync(db => db.Inbox.CountAsync(m => m.DedupKey == "Ev0RDONLY1")));
    }

    /// <summary>Every row of every table, in a stable order: two equal snapshots mean nothing was written.</summary>
    private static Task<string> SnapshotAsync(SlackHost host) => host.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var snapshot = new StringBuilder();
        foreach (var table in tables)
        {
            snapshot.Append("## ").AppendLine(table);
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await AppendRowsAsync(select, snapshot);
        }

        return snapshot.ToString();
    });

    private static async Task AppendRowsAsync(DbCommand select, StringBuilder snapshot)
    {
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                snapshot.Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
            }

            snapshot.AppendLine();
        }
    }
}
