using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.LocalChat;

public sealed class LocalChatTests : IDisposable
{
    private readonly TempDatabaseFile _file = new();

    [Fact]
    public async Task Chat_Help_AnswersInPlainText()
    {
        await using var factory = new BotFactory(BotFactory.Sqlite(_file.Path));
        using var client = factory.CreateClient();

        var response = await client.PostAsync(new Uri("/api/local/chat", UriKind.Relative), new StringContent("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("`practice setup [name] [timezone]`", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_JsonRequest_AnswersWithRepliesAndCorrelationId()
    {
        await using var factory = new BotFactory(BotFactory.Sqlite(_file.Path));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        var response = await client.PostAsJsonAsync(new Uri("/api/local/chat", UriKind.Relative), new { text = "review claim", user = "local-user" });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(12, body.GetProperty("correlationId").GetString()!.Length);
        var reply = body.GetProperty("replies")[0].GetProperty("text").GetString();
        Assert.Contains("`review claim <id> [@user]`", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Chat_EmptyText_Is400WithHint(string text)
    {
        await using var factory = new BotFactory(BotFactory.Sqlite(_file.Path));
        using var client = factory.CreateClient();

        var response = await client.PostAsync(new Uri("/api/local/chat", UriKind.Relative), new StringContent(text));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("for example: help", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_MalformedJson_Is400NotServerError()
    {
        await using var factory = new BotFactory(BotFactory.Sqlite(_file.Path));
        using var client = factory.CreateClient();

        var response = await client.PostAsync(
            new Uri("/api/local/chat", UriKind.Relative), new StringContent("{\"text\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Chat_WhenSlackIsConfigured_IsNotServed()
    {
        await using var factory = new BotFactory(BotFactory.Sqlite(_file.Path, ("Slack:SigningSecret", "secret")));
        using var client = factory.CreateClient();

        var response = await client.PostAsync(new Uri("/api/local/chat", UriKind.Relative), new StringContent("help"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public void Dispose() => _file.Dispose();
}
