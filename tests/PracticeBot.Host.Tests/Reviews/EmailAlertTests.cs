using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MimeKit.Utils;
using PracticeBot.Adapters.Reviews.Email.Storage;
using PracticeBot.Adapters.Reviews.Tests.Email;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Reviews.Sources.Email;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Reviews;

/// <summary>
/// Review alert e-mails end to end against a real IMAP server (Dovecot, <c>.ci/dovecot.sh</c>): the real host reads a
/// folder of its own per test; messages are delivered with IMAP APPEND, as a mail server would.
/// </summary>
public sealed class EmailAlertTests
{
    private const string Sunrise = "frontdesk@sunrise-fm.example";
    private const string Lakeside = "office@lakeside.example";

    [ImapFact]
    public async Task NewAlert_WithIdle_ReviewCardWithinFiveSeconds()
    {
        using var file = new TempDatabaseFile();
        var folder = await TestImap.CreateFolderAsync();
        await using var host = await StartAsync(BotFactory.Sqlite(file.Path, Settings(folder)));

        var clock = Stopwatch.StartNew();
        await TestImap.AppendAsync(folder, Alert(Sunrise, "HG-1001"));
        await Eventually.TrueAsync(() => Task.FromResult(ReviewCards(host).Count == 1), "the review card", seconds: 5);
        clock.Stop();

        Assert.True(host.Services.GetRequiredService<EmailAlertStatus>().UsesIdle);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the card took {clock.Elapsed}");
        var card = ReviewCards(host).Single();
        Assert.Equal("C1", card.Target.Conversation.ChannelId);
        Assert.Contains("Healthgrades", PlainTextRenderer.Render(card.Message), StringComparison.Ordinal);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var review = await db.Reviews.SingleAsync();
        Assert.Equal(("healthgrades", "HG-1001", 1, ReviewOrigin.Email), (review.Source, review.ExternalId, review.Rating, review.Origin));
        Assert.Equal("Nobody told me the lab results for three weeks.", review.Text);
        await Eventually.TrueAsync(async () => (await TestImap.ListAsync(folder)).SingleOrDefault().Seen, "the alert to be flagged seen");
    }

    [ImapFact]
    public async Task Restart_SameDatabase_MessageIsNotProcessedTwice()
    {
        using var file = new TempDatabaseFile();
        var folder = await TestImap.CreateFolderAsync();
        var settings = BotFactory.Sqlite(file.Path, Settings(folder));
        await using (var first = await StartAsync(settings))
        {
            await TestImap.AppendAsync(folder, Alert(Sunrise, "HG-2001"));
            await Eventually.TrueAsync(() => Task.FromResult(ReviewCards(first).Count == 1), "the first run's card");
            await Eventually.TrueAsync(async () => (await TestImap.ListAsync(folder)).Single().Seen, "the alert to be filed");
            Assert.Equal(1, first.Services.GetRequiredService<EmailAlertStatus>().Processed);
        }

        await TestImap.AppendAsync(folder, Alert(Sunrise, "HG-2002")); // arrives while the bot is down
        await using var second = await StartAsync(settings, setUp: false);
        var status = second.Services.GetRequiredService<EmailAlertStatus>();
        await Eventually.TrueAsync(() => Task.FromResult(status.Processed + status.AlreadyProcessed == 2), "the second run to look at both messages");

        Assert.Equal((1, 1), (status.Processed, status.AlreadyProcessed));
        await Eventually.TrueAsync(() => Task.FromResult(ReviewCards(second).Count == 1), "the new message's card");
        await Task.Delay(500);
        Assert.Single(ReviewCards(second)); // only the new one
        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        Assert.Equal(2, await db.EmailMessages.CountAsync());
        Assert.Equal(["HG-2001", "HG-2002"], await db.Reviews.OrderBy(r => r.Number).Select(r => r.ExternalId).ToListAsync());
    }

    [ImapFact]
    public async Task CrashAfterRecordingBeforeFiling_TheNextRunFilesTheMessage_WithoutProcessingItAgain()
    {
        using var file = new TempDatabaseFile();
        var folder = await TestImap.CreateFolderAsync();
        var newsletter = EmailSamples.Load("newsletter-not-an-alert.eml");
        newsletter.Headers.Add("X-Forwarded-For", $"{Sunrise} reviews@practicebot.example");
        await TestImap.AppendAsync(folder, newsletter);
        var (validity, uids) = await TestImap.UidsAsync(folder);
        await using (var before = new BotFactory(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false"), ("Sources:Workspaces:sunrise", "slack:T1"))))
        {
            _ = before.Server; // migrates the database; no mailbox configured
            await SayAsync(before, "T1", "practice", "setup Sunrise America/Chicago");
            await using var scope = before.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
            var (host, port, user, _) = TestImap.Server;
            db.EmailMessages.Add(new EmailMessageRecord
            {
                Mailbox = $"{user}@{host}:{port}/{folder}", UidValidity = validity, Uid = uids.Single(), Outcome = EmailOutcome.Unparsed,
                PracticeId = (await db.Practices.SingleAsync()).Id, Problem = "recorded before the crash", ProcessedAt = DateTimeOffset.UtcNow, Filed = false,
            });
            await db.SaveChangesAsync();
        }

        await using var after = await StartAsync(BotFactory.Sqlite(file.Path, Settings(folder)), setUp: false);

        await Eventually.TrueAsync(async () => (await TestImap.ListAsync(folder + "/Unparsed")).Count == 1, "the message to be filed");
        var status = after.Services.GetRequiredService<EmailAlertStatus>();
        Assert.Equal((0, 1), (status.Processed, status.AlreadyProcessed));
        await using var check = after.Services.CreateAsyncScope();
        var record = await check.ServiceProvider.GetRequiredService<PracticeBotDb>().EmailMessages.SingleAsync();
        await Eventually.TrueAsync(async () =>
        {
            await using var s = after.Services.CreateAsyncScope();
            return (await s.ServiceProvider.GetRequiredService<PracticeBotDb>().EmailMessages.SingleAsync()).Filed;
        }, "the record to say filed");
        Assert.Equal("recorded before the crash", record.Problem);
    }

    [ImapFact(withPostgres: true)]
    public async Task TwoInstances_OneDatabase_EachMessageProcessedOnce()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var folder = await TestImap.CreateFolderAsync();
            var settings = BotFactory.Postgres(database, Settings(folder));
            await using var one = await StartAsync(settings);
            await using var two = await StartAsync(settings, setUp: false);
            var statuses = new[] { one, two }.Select(h => h.Services.GetRequiredService<EmailAlertStatus>()).ToList();
            await Eventually.TrueAsync(() => Task.FromResult(statuses.All(s => s.UsesIdle)), "both instances to be idling");

            const int count = 8;
            for (var i = 0; i < count; i++)
            {
                await TestImap.AppendAsync(folder, Alert(Sunrise, $"HG-30{i:00}"));
            }

            await Eventually.TrueAsync(() => Task.FromResult(statuses.All(s => s.Processed + s.AlreadyProcessed == count)),
                "both instances to have looked at every message", seconds: 30);

            Assert.Equal(count, statuses.Sum(s => s.Processed));
            await using var scope = one.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
            Assert.Equal(count, await db.EmailMessages.CountAsync(m => m.Outcome == EmailOutcome.Ingested));
            Assert.Equal(count, await db.Reviews.CountAsync());
            Assert.Equal(count, await db.AuditEntries.CountAsync(a => a.Action == "reviews.received"));
            await Eventually.TrueAsync(() => Task.FromResult(ReviewCards(one).Count + ReviewCards(two).Count == count), "one card per review");
            await Task.Delay(500);
            Assert.Equal(count, ReviewCards(one).Count + ReviewCards(two).Count);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [ImapFact]
    public async Task UnparseableAlert_IsMovedToTheFolderForPeople_AndShownInPracticeSources()
    {
        using var file = new TempDatabaseFile();
        var folder = await TestImap.CreateFolderAsync();
        await using var host = await StartAsync(BotFactory.Sqlite(file.Path, Settings(folder)));
        var newsletter = EmailSamples.Load("newsletter-not-an-alert.eml");
        newsletter.Headers.Add("X-Forwarded-For", $"{Sunrise} reviews@practicebot.example");

        await TestImap.AppendAsync(folder, newsletter);

        await Eventually.TrueAsync(async () => (await TestImap.ListAsync(folder + "/Unparsed")).Count == 1, "the message to reach the Unparsed folder");
        Assert.Empty(await TestImap.ListAsync(folder));
        Assert.Equal("newsletter-2026-12@healthgrades.com", (await TestImap.ListAsync(folder + "/Unparsed")).Single().MessageId);
        var sources = await SayAsync(host, "T1", "practice", "sources");
        Assert.Contains("1 alert e-mail PracticeBot could not read", sources, StringComparison.Ordinal);
        Assert.Contains($"`{folder}/Unparsed`", sources, StringComparison.Ordinal);
        Assert.Contains($"forwarded by {Sunrise}: no star rating from 1 to 5 found in this healthgrades alert", sources, StringComparison.Ordinal);
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Reviews.ToListAsync());
        Assert.Empty(ReviewCards(host));
    }

    [ImapFact]
    public async Task Alerts_GoOnlyToThePracticeThatAcceptsTheForwarder_AndAnUnknownSenderIsNotIngested()
    {
        using var file = new TempDatabaseFile();
        var folder = await TestImap.CreateFolderAsync();
        await using var host = await StartAsync(BotFactory.Sqlite(file.Path, Settings(folder)));
        await SayAsync(host, "T2", "practice", "setup Lakeside America/Chicago");

        await TestImap.AppendAsync(folder, Alert("stranger@elsewhere.example", "HG-4001"));
        await TestImap.AppendAsync(folder, Alert(Lakeside, "HG-4002"));

        await Eventually.TrueAsync(async () => (await TestImap.ListAsync(folder + "/Rejected")).Count == 1, "the stranger's message to be put aside");
        await Eventually.TrueAsync(() => Task.FromResult(ReviewCards(host).Count == 1), "Lakeside's card");
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var review = await db.Reviews.SingleAsync();
        var lakeside = await db.Practices.SingleAsync(p => p.Slug == "lakeside");
        Assert.Equal(("HG-4002", lakeside.Id), (review.ExternalId, review.PracticeId));
        Assert.Equal("C2", ReviewCards(host).Single().Target.Conversation.ChannelId);
        var rejected = await db.EmailMessages.SingleAsync(m => m.Outcome == EmailOutcome.Rejected);
        Assert.Equal(((long?)null, "stranger@elsewhere.example"), (rejected.PracticeId, rejected.Sender));
        Assert.DoesNotContain("could not read", await SayAsync(host, "T1", "practice", "sources"), StringComparison.Ordinal);
    }

    [ImapFact]
    public async Task GoogleAlert_ForAPracticeWhoseGoogleLocationIsPolled_IsRecordedAndSkipped()
    {
        using var file = new TempDatabaseFile();
        var folder = await TestImap.CreateFolderAsync();
        await using var host = await StartAsync(BotFactory.Sqlite(file.Path, [
            .. Settings(folder),
            ("Sources:Google:BaseUrl", "http://127.0.0.1:9/"), ("Sources:Google:TokenEndpoint", "http://127.0.0.1:9/token"),
            ("Sources:Google:ClientId", "client"), ("Sources:Google:ClientSecret", "secret"), ("Sources:Google:RefreshToken", "refresh"),
            ("Sources:Google:Practices:sunrise:0:Name", "accounts/1/locations/2")]));
        var google = EmailSamples.Load("google-new-review.eml");
        google.Headers.Add("X-Forwarded-For", $"{Sunrise} reviews@practicebot.example");

        await TestImap.AppendAsync(folder, google);

        await Eventually.TrueAsync(async () => (await TestImap.ListAsync(folder)).SingleOrDefault().Seen, "the alert to be filed");
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var record = await db.EmailMessages.SingleAsync();
        Assert.Equal((EmailOutcome.Skipped, "google"), (record.Outcome, record.Source));
        Assert.Empty(await db.Reviews.ToListAsync());
    }

    [ImapFact]
    public async Task WrongPassword_PracticeSourcesSaysWhyTheMailboxIsNotRead()
    {
        using var file = new TempDatabaseFile();
        var folder = await TestImap.CreateFolderAsync();
        await using var host = new BotFactory(BotFactory.Sqlite(file.Path, [.. Settings(folder), ("Sources:Email:Password", "not-the-password")]));
        _ = host.Server;
        await SayAsync(host, "T1", "practice", "setup Sunrise America/Chicago");
        var status = host.Services.GetRequiredService<EmailAlertStatus>();

        await Eventually.TrueAsync(() => Task.FromResult(status.Problem is not null), "the login to be refused");

        var sources = await SayAsync(host, "T1", "practice", "sources");
        Assert.Contains("*Alert e-mails* (forwarded from frontdesk@sunrise-fm.example;", sources, StringComparison.Ordinal);
        Assert.Contains("failing since", sources, StringComparison.Ordinal);
        Assert.Contains("refused the user name or password (Sources:Email:User, Password)", sources, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", sources, StringComparison.Ordinal);
    }

    private static (string Key, string? Value)[] Settings(string folder) =>
    [
        ("Demo:Enabled", "false"),
        ("Sources:Workspaces:sunrise", "slack:T1"), ("Sources:Workspaces:lakeside", "slack:T2"),
        ("Sources:Email:Practices:sunrise:AcceptFrom:0", Sunrise), ("Sources:Email:Practices:lakeside:AcceptFrom:0", Lakeside),
        // Long enough that only IDLE can bring a message within the tests' bounds.
        ("Sources:Email:PollInterval", "00:05:00"),
        .. TestImap.Settings(folder),
    ];

    /// <summary>The host, started, with its first pass over the (empty) folder done; Sunrise set up from workspace T1.</summary>
    private static async Task<BotFactory> StartAsync(IReadOnlyDictionary<string, string?> settings, bool setUp = true)
    {
        var host = new BotFactory(settings);
        _ = host.Server;
        if (setUp)
        {
            await SayAsync(host, "T1", "practice", "setup Sunrise America/Chicago");
        }

        var status = host.Services.GetRequiredService<EmailAlertStatus>();
        await Eventually.TrueAsync(() => Task.FromResult(status.LastCheckAt is not null), "the mailbox reader's first pass");
        Assert.Null(status.Problem);
        return host;
    }

    private static async Task<string> SayAsync(BotFactory host, string team, string name, string text)
    {
        var result = await host.Services.GetRequiredService<BotDispatcher>().DispatchAsync(new CommandReceived(
            new ConversationReference(Platforms.Slack, team, team.Replace('T', 'C')), new ChatUser("U-owner-" + team, "Owner"), name, text));
        return string.Join("\n", result.Replies.Select(r => PlainTextRenderer.Render(r.Message)));
    }

    private static List<OutboundDelivery> ReviewCards(BotFactory host) =>
        host.Slack.Sent.Where(s => s.Message.CardKey?.StartsWith("review:", StringComparison.Ordinal) == true).ToList();

    /// <summary>A Healthgrades alert as Gmail forwards it automatically from <paramref name="forwarder"/>, with its own ids.</summary>
    private static MimeMessage Alert(string forwarder, string reviewId)
    {
        var message = EmailSamples.Load("gmail-forwarded-healthgrades.eml");
        message.Headers.Replace("X-Forwarded-For", $"{forwarder} reviews@practicebot.example");
        message.MessageId = MimeUtils.GenerateMessageId("mail.healthgrades.com");
        var body = Assert.IsType<TextPart>(message.Body);
        body.Text = body.Text.Replace("HG-58290", reviewId, StringComparison.Ordinal);
        return message;
    }
}
