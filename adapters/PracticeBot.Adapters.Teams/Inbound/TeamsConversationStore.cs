using Microsoft.EntityFrameworkCore;
using PracticeBot.Adapters.Teams.Protocol;
using PracticeBot.Adapters.Teams.Storage;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Teams.Inbound;

/// <summary>The conversations the bot was added to, so it can speak first later (nudges, reminders, digests).</summary>
public sealed class TeamsConversationStore(PracticeBotDb db, TimeProvider time, TrustedServiceUrls trusted)
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

    /// <summary>
    /// Makes sure the serviceUrl of an authenticated activity is on record (as this conversation's), so proactive sends
    /// may use it. Each URL is looked up once per process; most activities cost nothing.
    /// </summary>
    public async Task TrustServiceUrlAsync(Activity activity, ConversationReference conversation, CancellationToken cancellationToken)
    {
        if (conversation.ServiceUrl is not { Length: > 0 } url || trusted.Contains(url))
        {
            return;
        }

        if (!await IsRecordedAsync(url, cancellationToken))
        {
            await RememberAsync(activity, conversation, cancellationToken);
        }

        trusted.Add(url);
    }

    /// <summary>
    /// Whether the bot may call <paramref name="serviceUrl"/>: in local mode only a loopback address; otherwise only a
    /// URL that arrived on an authenticated activity (a row of a real tenant, not one written in local mode).
    /// </summary>
    public async Task<bool> MayCallAsync(string serviceUrl, bool localMode, CancellationToken cancellationToken)
    {
        if (localMode)
        {
            return Auth.LocalRequest.IsLoopbackUrl(serviceUrl);
        }

        if (trusted.Contains(serviceUrl))
        {
            return true;
        }

        var recorded = await IsRecordedAsync(serviceUrl, cancellationToken);
        if (recorded)
        {
            trusted.Add(serviceUrl);
        }

        return recorded;
    }

    private Task<bool> IsRecordedAsync(string url, CancellationToken cancellationToken) =>
        db.TeamsConversations.AnyAsync(c => c.ServiceUrl == url && c.WorkspaceId != Core.Demo.DemoPractice.WorkspaceId, cancellationToken);

    public Task ForgetAsync(string conversationId, CancellationToken cancellationToken) =>
        db.TeamsConversations.Where(c => c.ConversationId == conversationId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The most recently seen conversation of a workspace (tenant): its service URL and bot id serve proactive sends.</summary>
    public Task<TeamsConversation?> LatestOfWorkspaceAsync(string workspaceId, CancellationToken cancellationToken) =>
        db.TeamsConversations.Where(c => c.WorkspaceId == workspaceId).OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
}
