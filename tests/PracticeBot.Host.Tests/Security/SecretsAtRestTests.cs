using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Reviews.Webhook;
using PracticeBot.Adapters.Slack.WebApi;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Host.Reviews.Sources;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Security;

/// <summary>
/// Every secret the bot stores, read back from the raw database row: never in clear there. Each is made on one host and
/// used on a second host started afterwards on the same database (no memory in common, no folder of keys), which is
/// also how the shared key ring is proven to work.
/// </summary>
public sealed class SecretsAtRestTests
{
    private static readonly ConversationReference Channel = new(Platforms.Slack, "T-sunrise", "C-reviews");

    [Fact]
    public async Task PracticeWebhookSecret_RawRow_HoldsNoSecretAndAnotherHostVerifiesWithIt()
    {
        using var file = new TempDatabaseFile();
        string secret;
        await using (var first = new BotFactory(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false"))))
        {
            var dispatcher = first.Services.GetRequiredService<BotDispatcher>();
            await dispatcher.DispatchAsync(Command("practice", "setup \"Sunrise Family Medicine\" America/Chicago"));
            var settings = Text(await dispatcher.DispatchAsync(Command("practice", "settings")));
            secret = settings.Split('`').First(s => s.StartsWith("pbw_", StringComparison.Ordinal));
        }

        await using var second = new BotFactory(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false")));
        using var http = second.CreateClient();
        var row = await RawRows.ReadAsync(second.Services, "practices");
        var accepted = await PostReviewAsync(http, secret);
        var refused = await PostReviewAsync(http, "pbw_" + new string('0', secret.Length - "pbw_".Length));

        Assert.Contains("sunrise-family-medicine", row, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, row, StringComparison.Ordinal);
        Assert.DoesNotContain(secret["pbw_".Length..], row, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (accepted.StatusCode, refused.StatusCode));
    }

    [Fact]
    public async Task CalendarToken_RawRow_HoldsNoTokenAndAnotherHostServesTheFeedToItOnly()
    {
        using var file = new TempDatabaseFile();
        string token;
        long practiceId;
        await using (var first = new BotFactory(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false"))))
        {
            var dispatcher = first.Services.GetRequiredService<BotDispatcher>();
            await dispatcher.DispatchAsync(Command("practice", "setup \"Sunrise Family Medicine\" America/Chicago"));
            await dispatcher.DispatchAsync(Command("posting", "plan 2/week facebook"));
            var schedule = Text(await dispatcher.DispatchAsync(Command("posting", "schedule")));
            var url = schedule.Split(' ', '\n').Single(w => w.Contains("posting.ics?token=", StringComparison.Ordinal));
            practiceId = long.Parse(url.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
            token = url.Split("token=")[1].TrimEnd('.', ')', '`');
        }

        await using var second = new BotFactory(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false")));
        using var http = second.CreateClient();
        var row = await RawRows.ReadAsync(second.Services, "posting_plans");
        var right = await http.GetAsync(new Uri($"/practice/{practiceId}/posting.ics?token={token}", UriKind.Relative));
        var wrong = await http.GetAsync(new Uri($"/practice/{practiceId}/posting.ics?token={token[..^1]}x", UriKind.Relative));

        Assert.Equal(40, token.Length);
        Assert.Contains("facebook", row, StringComparison.Ordinal);
        Assert.DoesNotContain(token, row, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (right.StatusCode, wrong.StatusCode));
    }

    [Fact]
    public async Task SlackBotTokenOfAnInstall_RawRow_HoldsNoTokenAndAnotherHostSendsWithIt()
    {
        using var file = new TempDatabaseFile();
        const string BotToken = "xoxb-installed-7f3a9c1e5b2d4068";
        var slack = ("Slack:SigningSecret", "signing-secret-for-this-test");
        var client = ("Slack:ClientId", "1111.2222");
        var clientSecret = ("Slack:ClientSecret", "client-secret-for-this-test");
        await using (var first = new BotFactory(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false"), slack, client, clientSecret), WithSlackSender))
        {
            var access = new SlackOAuthAccess(BotToken, "chat:write,commands", "U-bot", "T-installed", "Sunrise", null, false, "U-owner");
            await first.Services.GetRequiredService<SlackTokenStore>().SaveAsync(access, TimeProvider.System.GetUtcNow(), CancellationToken.None);
        }

        await using var second = new BotFactory(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false"), slack, client, clientSecret), WithSlackSender);
        var row = await RawRows.ReadAsync(second.Services, "workspace_installations");
        var revealed = await second.Services.GetRequiredService<SlackTokenStore>().GetBotTokenAsync("T-installed", CancellationToken.None);

        Assert.Contains("T-installed", row, StringComparison.Ordinal);
        Assert.DoesNotContain(BotToken, row, StringComparison.Ordinal);
        Assert.DoesNotContain("7f3a9c1e5b2d4068", row, StringComparison.Ordinal);
        Assert.Equal(BotToken, revealed);
    }

    /// <summary>Slack's own sender stays (the token store is what is tested), not the factory's recording one.</summary>
    private static void WithSlackSender(IServiceCollection services)
    {
        foreach (var recording in services.Where(d => d.ImplementationInstance is PracticeBot.Core.Outbox.RecordingPlatformSender { Platform: Platforms.Slack }).ToList())
        {
            services.Remove(recording);
        }
    }

    private static async Task<HttpResponseMessage> PostReviewAsync(HttpClient http, string secret)
    {
        var bytes = Encoding.UTF8.GetBytes("""
            {"practice": "sunrise-family-medicine", "source": "healthgrades", "externalId": "hg-1", "rating": 4, "author": "J. D.",
             "text": "Friendly staff.", "createdAt": "2026-11-20T14:03:00Z"}
            """);
        using var request = new HttpRequestMessage(HttpMethod.Post, ReviewWebhookApi.Path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Sign(bytes, secret));
        return await http.SendAsync(request);
    }

    private static CommandReceived Command(string name, string text) => new(Channel, new ChatUser("U-owner", "U-owner"), name, text);

    private static string Text(TurnResult result) => string.Join("\n", result.Replies.Select(r => PlainTextRenderer.Render(r.Message)));
}
