using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Adapters.Slack.WebApi;

namespace PracticeBot.Adapters.Slack.Tests.WebApi;

/// <summary>The typed Web API client against the fake: Slack's shapes in, typed results and typed errors out.</summary>
public sealed class SlackApiClientTests : IAsyncLifetime
{
    private FakeSlackApi _slack = null!;
    private ServiceProvider _services = null!;
    private SlackApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        var services = new ServiceCollection();
        services.AddHttpClient(SlackApiClient.HttpClientName);
        services.AddHttpClient(SlackApiClient.ResponseUrlClientName);
        services.AddSingleton(Options.Create(new SlackOptions { ApiBaseUrl = _slack.ApiBaseUrl, ClientId = "1.2", ClientSecret = "s" }));
        services.AddSingleton<SlackApiClient>();
        _services = services.BuildServiceProvider();
        _api = _services.GetRequiredService<SlackApiClient>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Methods_SlacksResponseShapes_ReadAsTypedResults()
    {
        var user = await _api.GetUserAsync("xoxb-1", "U0ANN", CancellationToken.None);
        var auth = await _api.AuthTestAsync("xoxb-1", CancellationToken.None);
        var dm = await _api.OpenConversationAsync("xoxb-1", "U0ANN", CancellationToken.None);
        var viewId = await _api.UpdateViewAsync("xoxb-1", "V1", new JsonObject { ["type"] = "modal" }, CancellationToken.None);
        var posted = await _api.PostMessageAsync("xoxb-1", "C1", new JsonObject { ["text"] = "hi" }, "1.2", CancellationToken.None);
        var access = await _api.OAuthV2AccessAsync("code-1", "https://bot.example/slack/oauth_redirect", CancellationToken.None);

        Assert.Equal(new SlackUser("U0ANN", "ann", "Ann Lee", "Ann", false, "America/Chicago"), user);
        Assert.Equal(new SlackAuthTest(SlackTestData.TeamId, "Fake Team", SlackTestData.BotUserId, "B0FAKE"), auth);
        Assert.Equal("DU0ANN", dm);
        Assert.StartsWith("V0FAKE", viewId, StringComparison.Ordinal);
        Assert.Equal("C1", posted.Channel);
        Assert.Equal("1.2", _slack.CallsTo("chat.postMessage").Single().Get("thread_ts"));
        Assert.Equal("T0INSTALL", access.WorkspaceId);
        Assert.DoesNotContain("xoxb", access.ToString(), StringComparison.Ordinal);
        Assert.Equal("U0ANN", _slack.CallsTo("users.info").Single().Get("user"));
        Assert.All(_slack.CallsTo("auth.test"), c => Assert.Equal("Bearer xoxb-1", c.Authorization));
        Assert.Equal("", _slack.CallsTo("oauth.v2.access").Single().Authorization);
    }

    [Theory]
    [InlineData("channel_not_found", false)]
    [InlineData("not_in_channel", false)]
    [InlineData("is_archived", false)]
    [InlineData("invalid_auth", false)]
    [InlineData("token_revoked", false)]
    [InlineData("msg_too_long", false)]
    [InlineData("ratelimited", true)]
    [InlineData("internal_error", true)]
    public async Task Call_OkFalse_TypedErrorWithSlacksCode(string error, bool transient)
    {
        _slack.FailNext("chat.postMessage", error);

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => _api.PostMessageAsync("xoxb-1", "C1", new JsonObject { ["text"] = "x" }, null, CancellationToken.None));

        Assert.Equal(error, ex.Error);
        Assert.Equal("chat.postMessage", ex.Method);
        Assert.Equal(transient, ex.IsTransient);
    }

    [Fact]
    public async Task Call_Http429_RetryAfterSurfaced()
    {
        _slack.RateLimitNext("chat.update", 7);

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => _api.UpdateMessageAsync("xoxb-1", "C1", "1.1", new JsonObject { ["text"] = "x" }, CancellationToken.None));

        Assert.Equal("ratelimited", ex.Error);
        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task Call_Http500_Transient()
    {
        _slack.ServerErrorNext("views.publish");

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => _api.PublishViewAsync("xoxb-1", "U1", new JsonObject { ["type"] = "home" }, CancellationToken.None));

        Assert.Equal("http_5xx", ex.Error);
        Assert.True(ex.IsTransient);
    }
}
