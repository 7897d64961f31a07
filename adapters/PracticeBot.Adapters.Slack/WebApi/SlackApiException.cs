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

    /// <summary>The call did not complete; <paramref name="innerException"/> says how far it got.</summary>
    public SlackApiException(string method, string error, bool mayHaveBeenProcessed, Exception? innerException = null)
        : base($"Slack {method} failed: {error}", innerException)
    {
        Method = method;
        Error = error;
        MayHaveBeenProcessed = mayHaveBeenProcessed;
    }

    public string Method { get; }

    public string Error { get; }

    /// <summary>How long Slack asked us to wait (HTTP 429 <c>Retry-After</c>), when it did.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// The call failed without a clear answer after the request went out (a timeout, a connection cut, a 5xx other than
    /// 503): Slack may have done it all the same.
    /// </summary>
    public bool MayHaveBeenProcessed { get; }

    /// <summary>Worth trying again later; anything else will fail the same way every time.</summary>
    public bool IsTransient => TransientErrors.Contains(Error);
}
