using Microsoft.AspNetCore.Diagnostics;
using PracticeBot.Core.Storage;

namespace PracticeBot.Host.Hosting;

/// <summary>
/// The last word on an exception no endpoint caught: a database that is briefly unreachable or busy is a 503 with
/// <c>Retry-After</c> (the caller may safely repeat), a malformed request the status it carries, anything else a
/// plain JSON 500 with a reference to quote. Never a stack trace, never the exception's message (it may quote data).
/// </summary>
public sealed partial class UnhandledExceptionHandler(ILogger<UnhandledExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client is asked to wait while the database is out of reach.</summary>
    public const int RetryAfterSeconds = 10;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var path = httpContext.Request.Path.Value ?? "";
        IResult result;
        if (httpContext.RequestAborted.IsCancellationRequested && exception is OperationCanceledException or IOException)
        {
            return true; // the caller went away: nobody to answer
        }

        if (StorageFailure.IsUnavailable(exception))
        {
            LogUnavailable(logger, path, exception.GetType().Name);
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            result = Results.Problem(
                "PracticeBot cannot reach its database just now; nothing was changed. Send the same request again in a few seconds.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Temporarily unavailable");
        }
        else if (exception is BadHttpRequestException bad)
        {
            LogBadRequest(logger, path, bad.StatusCode);
            result = Results.Problem("The request could not be read: check its body, content type and headers.", statusCode: bad.StatusCode, title: "Bad request");
        }
        else
        {
            LogUnexpected(logger, exception, path, httpContext.TraceIdentifier);
            result = Results.Problem(
                $"Something went wrong on our side. If it keeps happening, give your administrator this reference: {httpContext.TraceIdentifier}.",
                statusCode: StatusCodes.Status500InternalServerError, title: "Unexpected error");
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: the database is unavailable ({ExceptionType}); answered 503")]
    private static partial void LogUnavailable(ILogger logger, string path, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path}: unreadable request, answered {Status}")]
    private static partial void LogBadRequest(ILogger logger, string path, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path}: unhandled exception, answered 500 ({TraceId})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string path, string traceId);
}
