using System.Net;
using Microsoft.EntityFrameworkCore;
using PracticeBot.Adapters.Slack.Tests.TestSupport;

namespace PracticeBot.Adapters.Slack.Tests.Events;

/// <summary>The event de-duplication's unique index, and the Slack flow, on PostgreSQL.</summary>
public sealed class SlackPostgresTests
{
    [PostgresFact]
    public async Task EventCallback_RetriedOnPostgres_ProcessedOnce()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var env = await SlackEnvironment.StartAsync(("Database:Provider", "postgres"), ("ConnectionStrings:PracticeBot", database));
            await env.Host.SetUpPracticeAsync();
            var body = SlackPayloads.EventCallback("Ev0PGRETRY", SlackPayloads.AppMention($"<@{SlackTestData.BotUserId}> help"));

            var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => env.Host.PostSignedAsync(body, "application/json", retryNum: i == 0 ? null : i)));
            await Eventually.TrueAsync(() => env.Slack.CallsTo("chat.postEphemeral").Count >= 1, "the mention to be answered");
            await Task.Delay(500);

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Single(env.Slack.CallsTo("chat.postEphemeral"));
            Assert.Equal(1, await env.Host.WithDbAsync(db => db.InboundEvents.CountAsync(e => e.EventId == "Ev0PGRETRY")));
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }
}
