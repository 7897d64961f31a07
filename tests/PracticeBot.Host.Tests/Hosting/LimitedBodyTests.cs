using System.Text;
using Microsoft.AspNetCore.Http;
using PracticeBot.Http;

namespace PracticeBot.Host.Tests.Hosting;

/// <summary>Bodies within the limit come back whole, however the stream hands them over.</summary>
public sealed class LimitedBodyTests
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("token=x&team_id=T1&command=%2Freview&text=" + new string('a', 3000));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_BodyWithinTheLimitInSmallReads_ReturnsItWhole(bool declared)
    {
        var http = new DefaultHttpContext();
        http.Request.Body = new TrickleStream(Payload, 7);
        http.Request.ContentLength = declared ? Payload.Length : null;

        var body = await LimitedBody.ReadAsync(http, 4096, CancellationToken.None);

        Assert.Equal(Payload, body);
    }

    [Fact]
    public async Task ReadAsync_DeclaredEmptyBody_ReturnsEmpty()
    {
        var http = new DefaultHttpContext();
        http.Request.ContentLength = 0;

        var body = await LimitedBody.ReadAsync(http, 4096, CancellationToken.None);

        Assert.NotNull(body);
        Assert.Empty(body);
    }

    /// <summary>Hands out at most <paramref name="step"/> bytes a read, as a network stream may.</summary>
    private sealed class TrickleStream(byte[] data, int step) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, step));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, step)]);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, step), cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, step)], cancellationToken);
    }
}
