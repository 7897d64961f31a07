using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using PracticeBot.Http;

namespace PracticeBot.Adapters.Slack.Events;

/// <summary>
/// <c>POST /slack/events</c>, Bolt's single endpoint for slash commands, interactivity and the Events API. The
/// signature is checked on the raw bytes before anything is parsed; a bad one gets a bare 401, an unreadable body a
/// 400, a body over <see cref="SlackOptions.MaxBodyBytes"/> a 413 (a declared length before anything is read, a
/// chunked one as soon as it passes the limit), never a 500.
/// </summary>
public static class SlackEventsApi
{
    public const string Path = "/slack/events";

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

        var limit = options.Value.MaxBodyBytes;
        var body = await LimitedBody.ReadAsync(http, limit, http.RequestAborted);
        if (body is null)
        {
            return LimitedBody.TooLarge($"The body is larger than {limit} bytes ({SlackOptions.SectionName}:MaxBodyBytes); Slack's requests are far smaller.");
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
        return ack.Body is { } json ? new JsonBodyResult(json) : Results.Ok();
    }
}
