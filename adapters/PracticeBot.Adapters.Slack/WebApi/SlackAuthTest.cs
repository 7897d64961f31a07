namespace PracticeBot.Adapters.Slack.WebApi;

/// <summary>What <c>auth.test</c> says a token is: which workspace, which bot user.</summary>
public sealed record SlackAuthTest(string TeamId, string? Team, string UserId, string? BotId);
