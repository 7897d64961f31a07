using System.Buffers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace PracticeBot.Adapters.Slack.Events;

/// <summary>
/// <c>POST /slack/events</c>, Bolt's single endpoint for slash commands, interactivity and the Events API. The
/// signature is checked on the raw bytes before anything is parsed; a bad one gets a bare 401, an unreadable body a
/// 400, never a 500.
/// </summary>
public static class SlackEventsApi
{
    public const string Path = "/slack/events";

    /// <summary>Slack's payloads are small; anything larger is not from Slack.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapSlackEvents(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        IOptions<SlackOptions> options,
        TimeProvider time,
        SlackRequestHandler handler)
    {
        if (string.IsNullOrEmpty(options.Value.SigningSecret))
        {
            return Results.NotFound();
        }

        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var headers = http.Request.Headers;
        var signature = new SlackSignature(options.Value.SigningSecret, time);
        if (!signature.IsValid(headers[SlackSignature.TimestampHeader], headers[SlackSignature.SignatureHeader], body))
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        if (SlackRequestParser.ParseHttp(http.Request.ContentType, body) is not { } request)
        {
            return Results.BadRequest();
        }

        var ack = await handler.HandleAsync(request, http.RequestAborted);
        return ack.Body is { } json ? Results.Text(json.ToJsonString(), "application/json; charset=utf-8") : Results.Ok();
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Max(1, request.ContentLength ?? 4096));
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(ct);
            foreach (var segment in read.Buffer)
            {
                if (buffer.WrittenCount + segment.Length > MaxBodyBytes)
                {
                    reader.AdvanceTo(read.Buffer.End);
                    return null;
                }

                buffer.Write(segment.Span);
            }

            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                return buffer.WrittenSpan.ToArray();
            }
        }
    }
}
