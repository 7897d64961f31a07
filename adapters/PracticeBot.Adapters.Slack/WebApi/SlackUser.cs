namespace PracticeBot.Adapters.Slack.WebApi;

/// <summary>What <c>users.info</c> tells about a person.</summary>
public sealed record SlackUser(string Id, string? Name, string? RealName, string? DisplayName, bool IsBot, string? TimeZone);
