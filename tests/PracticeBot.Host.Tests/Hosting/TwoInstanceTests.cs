using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Core.CheckIns;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Hosting;

/// <summary>
/// Two real host processes on one PostgreSQL database, both talking to one fake Slack: what a deployment behind a load
/// balancer does. Each review's card goes out once whichever instance took the review and whichever delivered it, and a
/// trigger fires on one instance only.
/// </summary>
public sealed partial class TwoInstanceTests
{
    private const string WebhookSecret = "deployment-webhook-secret";
    private const string Practice = "sunrise-family-medicine";
    private const string ZoneId = "America/Chicago";
    private const int Reviews = 200;
    private static readonly string CheckInFired = $"Schedule {CheckInSchedules.Weekly} fired";

    [PostgresFact]
    public async Task TwoHosts_ReviewsThroughBothAndAWeeklyCheckInDue_EachCardOnceAndCheckInOnOneInstance()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var folder = Directory.CreateTempSubdirectory("practicebot-two-").FullName;
        try
        {
            await using var slack = await FakeSlackApi.StartAsync();
            var settings = HostSettings.Postgres(database)
                .With(HostSettings.Slack(slack))
                .With("Sources__Webhook__Secret", WebhookSecret)
                .With("Logging__LogLevel__PracticeBot.Host.Scheduling", "Debug");
            // Started together, as an orchestrator would: both migrate, provision Quartz and join its cluster at once.
            await using var a = HostProcess.Start(Directory.CreateDirectory(Path.Combine(folder, "a")).FullName, settings, "host-a");
            await using var b = HostProcess.Start(Directory.CreateDirectory(Path.Combine(folder, "b")).FullName, settings, "host-b");
            await Task.WhenAll(a.WaitHealthyAsync(TimeSpan.FromSeconds(90)), b.WaitHealthyAsync(TimeSpan.FromSeconds(90)));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };

            await HostChecks.PracticeCommandAsync(http, slack, a, "setup \"Sunrise Family Medicine\" America/Chicago", "is set up");
            var checkInAt = NextCheckInMinute(TimeSpan.FromSeconds(12));
            var day = checkInAt.DayOfWeek.ToString().ToLowerInvariant();
            await HostChecks.PracticeCommandAsync(http, slack, b, $"set checkin {day} {checkInAt:HH\\:mm}", "The weekly check-in is now on");

            var responses = await SendReviewsAsync(http, a, b);

            Assert.All(responses, r => Assert.True(r.Status == HttpStatusCode.OK, $"{r.Host} answered {(int)r.Status}: {r.Body}"));
            Assert.Equal(Reviews, responses.Sum(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("created").GetInt32()));
            await Eventually.TrueAsync(() => Task.FromResult(ReviewCards(slack).Count >= Reviews), $"{Reviews} review cards at the fake Slack", seconds: 60);
            await Task.Delay(TimeSpan.FromSeconds(3)); // a duplicate would follow within a few delivery polls
            var cards = ReviewCards(slack);
            Assert.Equal(Reviews, cards.Count);
            Assert.Equal(Enumerable.Range(1, Reviews), cards.Select(c => c.Number).Order());
            Assert.Equal(Enumerable.Range(1, Reviews).Select(ExternalId), cards.Select(c => c.ExternalId).Order(StringComparer.Ordinal));

            var fireAt = TimeZoneInfo.ConvertTimeToUtc(checkInAt, TimeZoneInfo.FindSystemTimeZoneById(ZoneId));
            var untilDue = fireAt - DateTime.UtcNow;
            await Eventually.TrueAsync(() => Task.FromResult(CheckIns(slack) > 0), $"the weekly check-in due at {fireAt:HH:mm:ss} UTC",
                seconds: (int)Math.Max(0, untilDue.TotalSeconds) + 45);
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal(1, CheckIns(slack));
            Assert.True(a.CountOutputLines(CheckInFired) + b.CountOutputLines(CheckInFired) == 1,
                $"the check-in trigger fired {a.CountOutputLines(CheckInFired)} time(s) on host-a and {b.CountOutputLines(CheckInFired)} on host-b");
            Assert.NotEqual(SchedulerInstanceId(a), SchedulerInstanceId(b));
            Assert.True(HostChecks.OwnErrors(a) + HostChecks.OwnErrors(b) == "", $"errors were logged:\n{HostChecks.OwnErrors(a)}{HostChecks.OwnErrors(b)}");
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Every review through one host or the other, alone or in a batch of ten, eight sends at a time in random order.
    /// The first twenty go to both hosts at the same moment, as a sender that retries on another instance after a
    /// timeout would: one stores the review, the other finds it stored.
    /// </summary>
    private static async Task<List<WebhookResponse>> SendReviewsAsync(HttpClient http, HostProcess a, HostProcess b)
    {
        var sends = new List<(HostProcess Host, string Json)[]>();
        for (var i = 1; i <= 100; i++)
        {
            sends.Add(i <= 20 ? [(a, ReviewJson(i)), (b, ReviewJson(i))] : [(i % 2 == 0 ? a : b, ReviewJson(i))]);
        }

        for (var batch = 0; batch < 10; batch++)
        {
            var items = Enumerable.Range(101 + (batch * 10), 10).Select(ReviewJson);
            sends.Add([(batch % 2 == 0 ? a : b, "[" + string.Join(",", items) + "]")]);
        }

        var responses = new List<WebhookResponse>();
        await Parallel.ForEachAsync(sends.OrderBy(_ => Random.Shared.Next()), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (send, ct) =>
        {
            var answers = await Task.WhenAll(send.Select(async request =>
            {
                using var message = SignedRequests.Webhook(request.Host.Url, request.Json, WebhookSecret);
                using var response = await http.SendAsync(message, ct);
                return new WebhookResponse(request.Host.Name, response.StatusCode, await response.Content.ReadAsStringAsync(ct));
            }));
            lock (responses)
            {
                responses.AddRange(answers);
            }
        });
        return responses;
    }

    /// <summary>The Quartz instance id the host logged once its triggers were in line.</summary>
    private static string SchedulerInstanceId(HostProcess host)
    {
        var match = InstanceIdLine().Match(host.Output);
        Assert.True(match.Success, $"{host.Name} did not log its scheduler instance:\n{host.Output}");
        return match.Groups[1].Value;
    }

    private static string ExternalId(int i) => $"scale-{i:D3}";

    private static string ReviewJson(int i) => JsonSerializer.Serialize(new
    {
        practice = Practice,
        source = "healthgrades",
        externalId = ExternalId(i),
        rating = 4 + (i % 2),
        author = "J. D.",
        text = $"Friendly staff, short wait ({ExternalId(i)}).",
        createdAt = DateTimeOffset.UtcNow.AddHours(-1),
    });

    /// <summary>The review cards posted to the practice's channel, by the number in their text and the external id in their blocks.</summary>
    private static List<(int Number, string ExternalId)> ReviewCards(FakeSlackApi slack) =>
        [.. slack.CallsTo("chat.postMessage")
            .Where(c => c.Succeeded && c.Get("channel") == SlackTestData.ChannelId && CardNumber().IsMatch(c.Get("text") ?? ""))
            .Select(c => (
                int.Parse(CardNumber().Match(c.Get("text")!).Groups[1].Value, CultureInfo.InvariantCulture),
                CardExternalId().Match(c.Json).Value))];

    private static int CheckIns(FakeSlackApi slack) =>
        slack.CallsTo("chat.postMessage").Count(c => c.Get("channel") == SlackTestData.ChannelId
            && (c.Get("text") ?? "").StartsWith("Sunrise Family Medicine — weekly check-in", StringComparison.Ordinal));

    /// <summary>The first whole minute, in the practice's zone, at least <paramref name="margin"/> from now.</summary>
    private static DateTime NextCheckInMinute(TimeSpan margin)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow + margin, TimeZoneInfo.FindSystemTimeZoneById(ZoneId)).DateTime;
        return new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified).AddMinutes(1);
    }

    [GeneratedRegex(@"Scheduled triggers in line for .*; scheduler instance (\S+)")]
    private static partial Regex InstanceIdLine();

    [GeneratedRegex(@"^Review #(\d+):")]
    private static partial Regex CardNumber();

    [GeneratedRegex(@"scale-\d{3}")]
    private static partial Regex CardExternalId();

    private sealed record WebhookResponse(string Host, HttpStatusCode Status, string Body);
}
