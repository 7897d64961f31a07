using Microsoft.EntityFrameworkCore;
using PracticeBot.Adapters.Teams.Protocol;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Teams.Inbound;

/// <summary>The conversations the bot was added to, so it can speak first later (nudges, reminders, digests).</summary>
public sealed class TeamsConversationStore(PracticeBotDb db, TimeProvider time)
{
    /// <summary>Remembers (or refreshes) the conversation of an install. True when it was not known before.</summary>
    public async Task<bool> RememberAsync(Activity activity, ConversationReference conversation, CancellationToken cancellationToken)
    {
        var row = await db.TeamsConversations.SingleOrDefaultAsync(c => c.ConversationId == conversation.ChannelId, cancellationToken);
        var isNew = row is null;
        row ??= db.TeamsConversations.Add(new TeamsConversation
        {
            ConversationId = conversation.ChannelId,
            TenantId = "",
            WorkspaceId = "",
            ServiceUrl = "",
        }).Entity;

        row.TenantId = ActivityMapper.TenantOf(activity) ?? conversation.WorkspaceId;
        row.WorkspaceId = conversation.WorkspaceId;
        row.ServiceUrl = conversation.ServiceUrl ?? "";
        row.TeamId = conversation.TeamId;
        row.ConversationType = activity.Conversation?.ConversationType;
        row.BotId = activity.Recipient?.Id;
        row.UpdatedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (isNew)
        {
            // conversationUpdate and installationUpdate of one install can race: the other one stored it.
            return false;
        }

        return isNew;
    }

    public Task ForgetAsync(string conversationId, CancellationToken cancellationToken) =>
        db.TeamsConversations.Where(c => c.ConversationId == conversationId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The most recently seen conversation of a workspace (tenant): its service URL and bot id serve proactive sends.</summary>
    public Task<TeamsConversation?> LatestOfWorkspaceAsync(string workspaceId, CancellationToken cancellationToken) =>
        db.TeamsConversations.Where(c => c.WorkspaceId == workspaceId).OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
}
