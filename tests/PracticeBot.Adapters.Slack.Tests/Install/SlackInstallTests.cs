using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using PracticeBot.Adapters.Slack.Storage;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Messages;

namespace PracticeBot.Adapters.Slack.Tests.Install;

/// <summary>OAuth v2 install and the App Home, through the real host and the fake Slack.</summary>
public sealed class SlackInstallTests
{
    private static readonly (string, string?)[] OAuth = [("Slack:ClientId", "123.456"), ("Slack:ClientSecret", "client-secret")];

    [Fact]
    public async Task Install_ThenRedirect_StoresTokenEncryptedAndUsesIt()
    {
        await using var env = await SlackEnvironment.StartAsync(OAuth);
        using var client = env.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        using var install = await client.GetAsync("/slack/install");
        Assert.Equal(HttpStatusCode.Redirect, install.StatusCode);
        var location = install.Headers.Location!;
        Assert.StartsWith("https://slack.com/oauth/v2/authorize?", location.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("123.456", query["client_id"].ToString());
        Assert.Equal("app_mentions:read,channels:history,channels:read,groups:history,groups:read,chat:write,commands,files:write,im:history,im:write,mpim:history,users:read", query["scope"].ToString());

        using var redirect = await client.GetAsync($"/slack/oauth_redirect?code=1234.5678&state={Uri.EscapeDataString(query["state"].ToString())}");

        Assert.Equal(HttpStatusCode.OK, redirect.StatusCode);
        Assert.Contains("/practice setup", await redirect.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var exchange = Assert.Single(env.Slack.CallsTo("oauth.v2.access"));
        Assert.Equal("1234.5678", exchange.Get("code"));
        Assert.Equal("client-secret", exchange.Get("client_secret"));
        var stored = await env.Host.WithDbAsync(db => db.WorkspaceInstallations.AsNoTracking().SingleAsync(i => i.WorkspaceId == "T0INSTALL"));
        Assert.DoesNotContain("xoxb-installed-token", stored.ProtectedBotToken, StringComparison.Ordinal);
        Assert.Equal(SlackTestData.BotUserId, stored.BotUserId);

        // A message to the installed workspace goes out with its own token.
        await env.Host.SetUpPracticeAsync();
        await env.EnqueueAsync(OutboundMessage.Plain("hello installed"), MessageTarget.Channel(new ConversationReference(Platforms.Slack, "T0INSTALL", "C0INSTALL")));
        await Eventually.TrueAsync(() => env.Slack.CallsTo("chat.postMessage").Any(c => c.Get("channel") == "C0INSTALL"), "the post to the installed workspace");
        Assert.Equal("Bearer xoxb-installed-token", env.Slack.CallsTo("chat.postMessage").Single(c => c.Get("channel") == "C0INSTALL").Authorization);
    }

    [Theory]
    [InlineData("forged-state", true)]
    [InlineData(null, false)]
    public async Task Redirect_BadOrUnboundState_Returns400WithoutExchange(string? state, bool withCookie)
    {
        await using var env = await SlackEnvironment.StartAsync(OAuth);
        using var client = env.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        string realState;
        using (var install = await client.GetAsync("/slack/install"))
        {
            realState = QueryHelpers.ParseQuery(install.Headers.Location!.Query)["state"].ToString();
        }

        using var other = env.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await (withCookie ? client : other).GetAsync($"/slack/oauth_redirect?code=1&state={Uri.EscapeDataString(state ?? realState)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(env.Slack.CallsTo("oauth.v2.access"));
    }

    [Fact]
    public async Task Install_WithoutClientId_NotFound()
    {
        await using var env = await SlackEnvironment.StartAsync();
        using var client = env.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/slack/install");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AppHomeOpened_SetUpPractice_PublishesClaimedAndNegativeReviews()
    {
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();
        await env.AddReviewAsync(1, "Waited two hours.");
        await env.AddReviewAsync(5, "Great visit.");
        var body = SlackPayloads.EventCallback("Ev0HOME0001", new JsonObject
        {
            ["type"] = "app_home_opened", ["user"] = SlackTestData.ManagerId, ["channel"] = "D0HOME", ["tab"] = "home", ["event_ts"] = "1700000000.000100",
        });

        using var response = await env.Host.PostSignedAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.TrueAsync(() => env.Slack.CallsTo("views.publish").Count == 1, "the App Home to be published");
        var publish = env.Slack.CallsTo("views.publish").Single();
        Assert.Equal(SlackTestData.ManagerId, publish.Get("user_id"));
        Assert.Equal("home", (string?)publish.Body["view"]!["type"]);
        var text = publish.Body["view"]!.ToJsonString();
        Assert.Contains("Waited two hours.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Great visit.", text, StringComparison.Ordinal);
        Assert.Contains("Your next posting duty", text, StringComparison.Ordinal);
        Assert.Contains("None assigned", text, StringComparison.Ordinal);
    }
}
