using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Hosting;

/// <summary>
/// A real host process SIGKILLed while it delivers 500 outbox rows to a slow fake Slack, at the worst moment: Slack has
/// the message (the fake records it and only then answers, slowly) and the host has not yet written that it was sent.
/// After a restart on the same PostgreSQL database every row is delivered, and Slack saw each message at most once:
/// the row the kill interrupted is found in the channel's history by its metadata instead of being posted again.
/// </summary>
public sealed partial class OutboxKillTests
{
    private const string WebhookSecret = "kill-test-webhook-secret";
    private const string Practice = "sunrise-family-medicine";
    private const int Reviews = 500;

    [PostgresFact]
    public async Task Host_KilledBetweenSlacksAnswerAndItsRecord_AfterRestartEveryCardOnceAndNoneLost()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var folder = Directory.CreateTempSubdirectory("practicebot-kill-").FullName;
        try
        {
            await using var slack = await FakeSlackApi.StartAsync();
            var settings = HostSettings.Postgres(database)
                .With(HostSettings.Slack(slack))
                .With("Sources__Webhook__Secret", WebhookSecret)
                .With("DataProtection__KeysPath", Path.Combine(folder, "keys"))
                // The killed host's lease on the row it was sending runs out soon after the restart.
                .With("Outbox__LeaseDuration", "00:00:03");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            await using var doomed = HostProcess.Start(Directory.CreateDirectory(Path.Combine(folder, "a")).FullName, settings, "host-killed");
            await doomed.WaitHealthyAsync(TimeSpan.FromSeconds(90));
            await HostChecks.PracticeCommandAsync(http, slack, doomed, "setup \"Sunrise Family Medicine\" America/Chicago", "is set up");

            // Every answer of the fake now comes 30 ms after it recorded the call; the kill waits until all 500 cards
            // are queued, then lands inside the next post's 30 ms (made 2 s for that one).
            slack.Latency = TimeSpan.FromMilliseconds(30);
            var queued = false;
            var killedPost = new TaskCompletionSource<RecordedCall>(TaskCreationOptions.RunContinuationsAsynchronously);
            slack.Recorded = call =>
            {
                if (Volatile.Read(ref queued) && IsCard(call) && !killedPost.Task.IsCompleted)
                {
                    slack.Latency = TimeSpan.FromSeconds(2);
                    _ = doomed.KillAsync(); // the signal is sent before this returns
                    killedPost.TrySetResult(call);
                }
            };

            var created = await SendReviewsAsync(http, doomed);
            Assert.Equal(Reviews, created);
            Volatile.Write(ref queued, true);
            var killed = await killedPost.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await doomed.KillAsync();
            slack.Recorded = null;
            slack.Latency = TimeSpan.FromMilliseconds(5);
            var killedId = long.Parse(FakeSlackApi.OutboxIdOf(killed)!, System.Globalization.CultureInfo.InvariantCulture);
            var beforeKill = Cards(slack).Count;
            var atKill = await CountAsync(database, "\"Status\" = 'Sent'");
            Assert.True(atKill < Reviews - 10, $"the kill came too late: {atKill} of {Reviews} cards were already recorded as sent");

            await using var restarted = HostProcess.Start(Directory.CreateDirectory(Path.Combine(folder, "b")).FullName, settings, "host-restarted");
            await restarted.WaitHealthyAsync(TimeSpan.FromSeconds(90));
            await Eventually.TrueAsync(() => Task.FromResult(Cards(slack).Distinct().Count() == Reviews), $"all {Reviews} cards at the fake Slack", seconds: 120);
            await Eventually.TrueAsync(async () => await CountAsync(database, "\"Status\" = 'Sent'") == Reviews, $"all {Reviews} cards recorded as sent");
            await Task.Delay(TimeSpan.FromSeconds(1)); // a duplicate would follow within a few delivery polls

            var cards = Cards(slack);
            Assert.Equal(Reviews, cards.Count);
            Assert.Equal(Reviews, cards.Distinct().Count()); // each outbox row seen at most once, and none missing
            Assert.Equal(0, await CountAsync(database, "\"Status\" <> 'Sent'"));
            var (status, ts, unfinished) = await RowAsync(database, killedId);
            Assert.Equal(("Sent", 1), (status, unfinished));
            var inHistory = slack.History(SlackTestData.ChannelId).Single(m => m["metadata"]?["event_payload"]?["outbox_id"]?.GetValue<string>() == $"{killedId}");
            Assert.Equal(inHistory["ts"]!.GetValue<string>(), ts);
            Assert.NotEmpty(slack.CallsTo("conversations.history"));
            Assert.Equal(1, restarted.CountOutputLines($"Outbox row {killedId} was already in the Slack conversation"));
            Assert.True(HostChecks.OwnErrors(restarted) == "", $"errors were logged:\n{HostChecks.OwnErrors(restarted)}");
            Assert.True(beforeKill < Reviews);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The reviews in batches of ten through the webhook, four batches at a time; returns how many were created.</summary>
    private static async Task<int> SendReviewsAsync(HttpClient http, HostProcess host)
    {
        var created = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, Reviews / 10), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, ct) =>
        {
            var json = "[" + string.Join(",", Enumerable.Range((batch * 10) + 1, 10).Select(ReviewJson)) + "]";
            using var request = SignedRequests.Webhook(host.Url, json, WebhookSecret);
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"the webhook answered {(int)response.StatusCode}: {body}");
            Interlocked.Add(ref created, JsonDocument.Parse(body).RootElement.GetProperty("created").GetInt32());
        });
        return created;
    }

    private static string ReviewJson(int i) => JsonSerializer.Serialize(new
    {
        practice = Practice,
        source = "healthgrades",
        externalId = $"kill-{i:D3}",
        rating = 4 + (i % 2),
        author = "J. D.",
        text = $"Friendly staff, short wait (kill-{i:D3}).",
        createdAt = DateTimeOffset.UtcNow.AddHours(-1),
    });

    private static bool IsCard(RecordedCall call) =>
        call.Method == "chat.postMessage" && call.Get("channel") == SlackTestData.ChannelId
        && CardText().IsMatch(call.Get("text") ?? "") && FakeSlackApi.OutboxIdOf(call) is not null;

    /// <summary>The outbox id of every review card Slack received (and took), in order.</summary>
    private static List<string> Cards(FakeSlackApi slack) =>
        [.. slack.CallsTo("chat.postMessage").Where(c => c.Succeeded && IsCard(c)).Select(c => FakeSlackApi.OutboxIdOf(c)!)];

    private static async Task<long> CountAsync(string database, string condition)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM outbox WHERE \"CardKey\" LIKE 'review:%' AND {condition}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(string Status, string? Ts, int Unfinished)> RowAsync(string database, long id)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Status\", \"PlatformMessageId\", \"UnfinishedAttempts\" FROM outbox WHERE \"Id\" = @id", connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no outbox row {id}");
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2));
    }

    [GeneratedRegex(@"^Review #\d+:")]
    private static partial Regex CardText();
}
