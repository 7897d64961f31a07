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

        using var buffer = new MemoryStream((int)Math.Clamp(http.Request.ContentLength ?? 4096, 1, limit));
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    /// <summary>The 413 answer, as problem JSON; <paramref name="detail"/> names the setting that holds the limit.</summary>
    public static IResult TooLarge(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large");
}
