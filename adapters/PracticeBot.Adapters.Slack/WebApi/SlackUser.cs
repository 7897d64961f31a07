namespace PracticeBot.Adapters.Slack.WebApi;

/// <summary>What <c>users.info</c> tells about a person.</summary>
/// <param name="IsGuest">A multi-channel (<c>is_restricted</c>) or single-channel (<c>is_ultra_restricted</c>) guest.</param>
public sealed record SlackUser(string Id, string? Name, string? RealName, string? DisplayName, bool IsBot, string? TimeZone, bool IsGuest = false);
