namespace PracticeBot.Core.Conversation;

/// <summary>
/// Where a conversation lives on its platform, enough to answer into it later (proactively, from a job).
/// </summary>
/// <param name="Platform">One of <see cref="Platforms"/>.</param>
/// <param name="WorkspaceId">Slack team id, or the Teams tenant id.</param>
/// <param name="ChannelId">Slack channel id, or the Teams conversation id.</param>
/// <param name="ThreadId">Slack thread ts, or the Teams reply-chain id.</param>
/// <param name="ServiceUrl">Teams only: where the Bot Framework connector for this conversation answers.</param>
/// <param name="TeamId">Teams only: the team the channel belongs to; null for personal and group chats.</param>
/// <param name="EnterpriseId">
/// Slack only: the Enterprise Grid organisation of the workspace, when it has one, so that a message to it later finds
/// an org-wide install's token.
/// </param>
public sealed record ConversationReference(
    string Platform,
    string WorkspaceId,
    string ChannelId,
    string? ThreadId = null,
    string? ServiceUrl = null,
    string? TeamId = null,
    string? EnterpriseId = null)
{
    public ConversationReference WithoutThread() => this with { ThreadId = null };
}
