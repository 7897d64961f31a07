namespace PracticeBot.Adapters.Slack.Tests.TestSupport;

/// <summary>How the <see cref="FakeSlackApi"/> fails while it is down.</summary>
public enum SlackOutage
{
    /// <summary>Every call answers HTTP 503.</summary>
    Unavailable,
    /// <summary>Every call hangs, then its connection is cut without an answer.</summary>
    Timeouts,
    /// <summary>503s and hangs by turns.</summary>
    Mixed,
}
