namespace PracticeBot.Core.Conversation;

/// <summary>The chat platforms the core knows by name. A new adapter adds a name; the core needs nothing else.</summary>
public static class Platforms
{
    public const string Slack = "slack";
    public const string Teams = "teams";
    /// <summary>The loopback chat endpoint and tests: no external service behind it.</summary>
    public const string Local = "local";
}
