using Microsoft.AspNetCore.Http;
using PracticeBot.Adapters.Slack.Events;
using PracticeBot.Host.Reviews.Sources;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Hosting;

/// <summary>
/// <c>Slack:MaxBodyBytes</c>, <c>Teams:MaxBodyBytes</c>, <c>Sources:Webhook:MaxBodyBytes</c> (1 KB here): a declared
/// length over the limit is refused before a byte is read, a body of unknown length is cut off at the limit; both 413
/// with the key to change named.
/// </summary>
public sealed class BodyLimitTests : IAsyncLifetime
{
    private const int Limit = 1024;
    private readonly HostileHost _host = HostileHost.With(("Slack:MaxBodyBytes", "1024"), ("Teams:MaxBodyBytes", "1024"), ("Sources:Webhook:MaxBodyBytes", "1024"));

    public static TheoryData<string, string> Endpoints => new()
    {
        { SlackEventsApi.Path, "Slack:MaxBodyBytes" },
        { "/api/messages", "Teams:MaxBodyBytes" },
        { ReviewWebhookApi.Path, "Sources:Webhook:MaxBodyBytes" },
    };

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_DeclaredLengthOverTheLimit_413WithoutReadingTheBody(string path, string named)
    {
        var body = new EndlessBody(throwWhenRead: true);

        var (status, text) = await SendAsync(path, body, contentLength: Limit + 1);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, status);
        Assert.Contains(named, text, StringComparison.Ordinal);
        Assert.Equal(0, body.BytesRead);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_UnknownLengthOverTheLimit_413AndReadingStopsAtTheLimit(string path, string named)
    {
        var body = new EndlessBody(throwWhenRead: false);

        var (status, text) = await SendAsync(path, body, contentLength: null);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, status);
        Assert.Contains(named, text, StringComparison.Ordinal);
        Assert.InRange(body.BytesRead, Limit + 1, 64 * 1024); // of an endless body, not much more than the limit was read
    }

    private async Task<(int Status, string Text)> SendAsync(string path, Stream body, long? contentLength)
    {
        var context = await _host.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Post;
            http.Request.Path = path;
            http.Request.ContentType = "application/json";
            http.Request.Headers.Authorization = "Bearer " + _host.TeamsToken; // Teams reads the body only after the token
            http.Request.Body = body;
            http.Request.ContentLength = contentLength;
        });
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, await reader.ReadToEndAsync());
    }

    /// <summary>A body that never ends (or must not be read at all), counting what the server took from it.</summary>
    private sealed class EndlessBody(bool throwWhenRead) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (throwWhenRead)
            {
                throw new InvalidOperationException("The body was read although its declared length is over the limit.");
            }

            buffer.Fill((byte)' ');
            BytesRead += buffer.Length;
            return buffer.Length;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
