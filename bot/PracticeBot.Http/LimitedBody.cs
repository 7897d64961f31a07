using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PracticeBot.Http;

/// <summary>
/// Reads a request body of at most a given number of bytes, for every endpoint that takes bodies from outside (Slack's
/// events, Teams' activities, the review webhook, the local chat). A declared <c>Content-Length</c> over the limit is
/// refused before anything is read, and a body of unknown length (chunked) is cut off as soon as it passes the limit,
/// so no more than the limit is ever buffered.
/// </summary>
public static class LimitedBody
{
    /// <summary>The body, or null once it is known to be longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContext http, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.ContentLength > limit)
        {
            return null;
        }

        // Kestrel then stops a longer body itself, and does not drain a huge upload after the 413.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1L;
        }

        try
        {
            return http.Request.ContentLength is { } declared
                ? await ReadDeclaredAsync(http.Request.Body, (int)declared, ct)
                : await ReadChunkedAsync(http.Request.Body, limit, ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    // The usual case (Slack, Teams and the webhooks all declare a length): one array of the body's size, read into
    // directly, instead of a 16 KB read buffer, a growing stream and a copy of it for every request.
    private static async Task<byte[]> ReadDeclaredAsync(Stream body, int length, CancellationToken ct)
    {
        if (length == 0)
        {
            return [];
        }

        var bytes = new byte[length];
        var filled = await body.ReadAtLeastAsync(bytes, length, throwOnEndOfStream: false, ct);
        return filled == length ? bytes : bytes[..filled];
    }

    private static async Task<byte[]?> ReadChunkedAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream(Math.Min(4096, limit));
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    /// <summary>The 413 answer, as problem JSON; <paramref name="detail"/> names the setting that holds the limit.</summary>
    public static IResult TooLarge(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
}
