using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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

    [Fact]
    public async Task Chat_BodyOverCapWithoutContentLength_Is413AndLogged()
    {
        var logs = new CapturedLogs();
        await using var factory = new BotFactory(BotFactory.Sqlite(_file.Path, ("LocalChat:MaxBodyBytes", "1024")), s => s.AddSingleton<ILoggerProvider>(logs));
        var body = new ChunkedBody("help " + new string('x', 1_000_000));

        var context = await factory.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Post;
            http.Request.Path = "/api/local/chat";
            http.Request.Body = body;
            http.Request.ContentLength = null;
        });

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
        var answer = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Contains("LocalChat:MaxBodyBytes", answer, StringComparison.Ordinal);
        // The test server copies ahead of the endpoint in chunks of its own, but never the whole megabyte.
        Assert.True(body.BytesRead < 128 * 1024, $"{body.BytesRead} bytes were read for a 1024-byte cap.");
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("over 1024 bytes", StringComparison.Ordinal));
    }

    public void Dispose() => _file.Dispose();

    /// <summary>A body of unknown length (as with chunked encoding) that counts how much of it was read.</summary>
    private sealed class ChunkedBody(string text) : MemoryStream(System.Text.Encoding.UTF8.GetBytes(text), writable: false)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Count(base.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(base.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await base.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            BytesRead += read;
            return read;
        }
    }
}
