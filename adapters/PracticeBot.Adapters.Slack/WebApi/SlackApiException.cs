namespace PracticeBot.Adapters.Slack.WebApi;

/// <summary>
/// Slack answered a Web API call with <c>{"ok": false, "error": "…"}</c>, HTTP 429 or a 5xx. <see cref="Error"/> is
/// Slack's error code (<c>channel_not_found</c>, <c>ratelimited</c>, …); the message never quotes the request.
/// </summary>
public sealed class SlackApiException : Exception
{
    private static readonly HashSet<string> TransientErrors = new(StringComparer.Ordinal)
    {
        "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "http_5xx", "transport_error",
    };

    public SlackApiException()
        : this("unknown", "unknown_error")
    {
    }

    public SlackApiException(string message)
        : this("unknown", message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "unknown";
        Error = "transport_error";
    }

    public SlackApiException(string method, string error, TimeSpan? retryAfter = null)
        : base($"Slack {method} failed: {error}")
    {
        Method = method;
        Error = error;
        RetryAfter = retryAfter;
    }

    public string Method { get; }

    public string Error { get; }

    /// <summary>How long Slack asked us to wait (HTTP 429 <c>Retry-After</c>), when it did.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Worth trying again later; anything else will fail the same way every time.</summary>
    public bool IsTransient => TransientErrors.Contains(Error);
}
