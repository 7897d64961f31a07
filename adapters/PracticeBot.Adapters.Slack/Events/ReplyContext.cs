namespace PracticeBot.Adapters.Slack.Events;

/// <summary>Where and how a turn's replies can reach the person who acted.</summary>
/// <param name="ResponseUrl">A command's or button's <c>response_url</c>, when Slack gave one.</param>
/// <param name="TriggerId">Lets a form open as a modal, for 3 seconds after the person acted.</param>
/// <param name="EnterpriseId">The workspace's Enterprise Grid organisation, if any (its org-wide install has the token).</param>
public sealed record ReplyContext(
    string WorkspaceId,
    string ChannelId,
    string UserId,
    string? ThreadTs,
    string? ResponseUrl,
    string? TriggerId,
    string? EnterpriseId = null);
