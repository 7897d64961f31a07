using System.Net;
using System.Text.Json;
using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Fuzzing;

/// <summary>
/// Hostile input, headers: a request that passed a proxy (any forwarding header, even one naming loopback) or that has
/// no remote address is never local. Both unauthenticated local endpoints answer it with a clear JSON refusal.
/// </summary>
public sealed class HostileHeaderTests : IDisposable
{
    private readonly TempDatabaseFile _file = new();

    public static TheoryData<string, string> ForwardingHeaders() => new()
    {
        { "X-Forwarded-For", "127.0.0.1" },
        { "X-Forwarded-For", "203.0.113.9, 127.0.0.1" },
        { "Forwarded", "for=127.0.0.1;proto=http" },
        { "X-Forwarded-Host", "localhost" },
        { "X-Real-IP", "::1" },
        { "X-Forwarded-Proto", "https" },
    };

    [Theory]
    [MemberData(nameof(ForwardingHeaders))]
    public async Task LocalChat_ForwardedRequest_Is403NamingTheHeader(string header, string value)
    {
        await using var factory = new BotFactory(BotFactory.Sqlite(_file.Path));
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/local/chat") { Content = new StringContent("practice settings") };
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(header, await ErrorOf(response), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ForwardingHeaders))]
    public async Task LocalTeams_ForwardedActivity_Is401NamingTheHeader(string header, string value)
    {
        await using var factory = new BotFactory(BotFactory.Sqlite(_file.Path));
        using var client = factory.CreateClient();
        using var request = Activities.Post(Activities.Message("http://127.0.0.1:9/", "practice settings"), token: null);
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(header, await ErrorOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalEndpoints_NoRemoteAddress_AreRefused()
    {
        await using var factory = new BotFactory(BotFactory.Sqlite(_file.Path), noRemoteAddress: true);
        using var client = factory.CreateClient();

        using var chat = await client.PostAsync(new Uri("/api/local/chat", UriKind.Relative), new StringContent("help"));
        using var teams = await client.SendAsync(Activities.Post(Activities.Message("http://127.0.0.1:9/", "help"), token: null));

        Assert.Equal(HttpStatusCode.Forbidden, chat.StatusCode);
        Assert.Contains("no remote address", await ErrorOf(chat), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, teams.StatusCode);
        Assert.Contains("no remote address", await ErrorOf(teams), StringComparison.Ordinal);
    }

    public void Dispose() => _file.Dispose();

    private static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetString()!;
    }
}
