namespace PracticeBot.Adapters.Slack.Events;

/// <summary>A slash command (<c>/review claim 12</c>).</summary>
/// <param name="Command">The command word without its slash: <c>review</c>.</param>
public sealed record SlashCommand(
    string Command,
    string Text,
    string UserId,
    string? UserName,
    string TeamId,
    string? EnterpriseId,
    string ChannelId,
    string? ResponseUrl,
    string? TriggerId) : SlackRequest;
