using Polly.Timeout;

namespace PracticeBot.Adapters.Reviews.Http;

/// <summary>Turns what an HTTP call may throw into a reason for managers (the exception text may hold URLs: not used).</summary>
internal static class HttpFailures
{
    public static string? Describe(Exception ex, string sourceName) => ex switch
    {
        SourceCallFailedException failed => failed.Message,
        HttpRequestException => $"{sourceName} could not be reached (network error)",
        TimeoutRejectedException => $"{sourceName} did not answer in time",
        TaskCanceledException => $"{sourceName} did not answer in time",
        _ => null,
    };
}
