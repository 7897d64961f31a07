namespace PracticeBot.Adapters.Slack.Tests.TestSupport;

/// <summary>The fake workspace the integration tests talk from.</summary>
public static class SlackTestData
{
    public const string SigningSecret = "test-signing-secret-0123456789abcdef";
    public const string BotToken = "xoxb-test-bot-token";
    public const string TeamId = "T0TEST0001";
    public const string ChannelId = "C0REVIEWS1";
    public const string ManagerId = "U0MANAGER1";
    public const string BotUserId = "U0PRACTBOT";
}
