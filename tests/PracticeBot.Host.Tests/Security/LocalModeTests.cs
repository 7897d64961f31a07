using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;
using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Security;

/// <summary>
/// Issue #18 item 2: local mode is chosen, never implied. On by default only in Development with no chat platform, or
/// with <c>LocalMode:Enabled=true</c>; an unauthenticated activity may only name a loopback serviceUrl.
/// </summary>
public sealed class LocalModeTests : IDisposable
{
    private readonly TempDatabaseFile _file = new();

    [Fact]
    public async Task Production_NoPlatformAndLocalModeNotChosen_RefusesLocalChatAndTeams()
    {
        await using var factory = new BotFactory(Settings(("environment", "Production"), ("DataProtection:KeyFilePath", KeyFile())));
        using var client = factory.CreateClient();

        using var chat = await client.PostAsync(new Uri("/api/local/chat", UriKind.Relative), new StringContent("help"));
        using var teams = await client.SendAsync(Activities.Post(Activities.Message("http://127.0.0.1:9/", "help"), token: null));

        Assert.Equal(HttpStatusCode.NotFound, chat.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, teams.StatusCode);
        Assert.Contains("LocalMode:Enabled", await ErrorOf(teams), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_SlackOnlyDeployment_TeamsEndpointRefusesUnauthenticatedActivities()
    {
        // A Slack-only deployment behind a proxy on the same host: loopback callers used to be taken as local Teams.
        await using var factory = new BotFactory(
            Settings(("Slack:SigningSecret", "secret"), ("Slack:BotToken", "xoxb-test")),
            s =>
            {
                // The factory records Slack's sends itself: the real sender goes.
                foreach (var real in s.Where(d => d.ServiceType == typeof(PracticeBot.Core.Outbox.IPlatformSender) && d.ImplementationType?.Name == "SlackPlatformSender").ToList())
                {
                    s.Remove(real);
                }
            });
        using var client = factory.CreateClient();

        using var teams = await client.SendAsync(Activities.Post(Activities.Message("http://127.0.0.1:9/", "review all"), token: null));

        Assert.Equal(HttpStatusCode.Forbidden, teams.StatusCode);
        Assert.Contains("Teams:AppId", await ErrorOf(teams), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_LocalModeEnabledByTheOperator_ServesTheLocalChat()
    {
        await using var factory = new BotFactory(Settings(
            ("environment", "Production"), ("DataProtection:KeyFilePath", KeyFile()), ("LocalMode:Enabled", "true")));
        using var client = factory.CreateClient();

        using var chat = await client.PostAsync(new Uri("/api/local/chat", UriKind.Relative), new StringContent("help"));

        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
    }

    [Fact]
    public async Task Development_NoPlatform_IsLocalModeAsTheQuickStartNeeds()
    {
        await using var factory = new BotFactory(Settings());
        using var client = factory.CreateClient();

        using var chat = await client.PostAsync(new Uri("/api/local/chat", UriKind.Relative), new StringContent("help"));

        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
    }

    [Theory]
    [InlineData("http://attacker.example/")]
    [InlineData("https://10.0.0.5/")]
    [InlineData("http://127.0.0.1.attacker.example/")]
    public async Task LocalTeams_ActivityWithNonLoopbackServiceUrl_IsRefusedAndNothingIsCalled(string serviceUrl)
    {
        var calls = new List<Uri>();
        await using var factory = new BotFactory(Settings(), s => s.AddHttpClient<PracticeBot.Adapters.Teams.Outbound.ConnectorClient>()
            .AddHttpMessageHandler(() => new RecordingHandler(calls)));
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Activities.Post(Activities.Message(serviceUrl, "help"), token: null));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("loopback", await ErrorOf(response), StringComparison.Ordinal);
        Assert.Empty(calls);
    }

    public void Dispose() => _file.Dispose();

    private Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra) =>
        new(BotFactory.Sqlite(_file.Path, [("Demo:Enabled", "false"), .. extra]));

    private string KeyFile()
    {
        var path = Path.Combine(Path.GetDirectoryName(_file.Path)!, "..", "keyring.key");
        File.WriteAllText(path, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        return path;
    }

    private static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetString()!;
    }

    /// <summary>Records the connector calls the bot tries, and answers none of them.</summary>
    private sealed class RecordingHandler(List<Uri> calls) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (calls)
            {
                calls.Add(request.RequestUri!);
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }
    }
}
