using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PracticeBot.Adapters.Slack.Events;

/// <summary>
/// An acknowledgement's JSON written straight into the response's pipe: no string of the whole answer, and no second
/// copy of it encoded to UTF-8 (a 10-review list is a few kilobytes, on every <c>/review</c>).
/// </summary>
internal sealed class JsonBodyResult(JsonObject body) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        var pipe = httpContext.Response.BodyWriter;
        await using (var writer = new Utf8JsonWriter(pipe))
        {
            body.WriteTo(writer);
        }

        await pipe.FlushAsync(httpContext.RequestAborted);
    }
}
