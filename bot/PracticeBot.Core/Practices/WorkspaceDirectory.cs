using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Practices;

/// <summary>Which practice a workspace belongs to. Bindings are looked up unscoped: they are how the scope is found.</summary>
public sealed class WorkspaceDirectory(PracticeBotDb db)
{
    /// <summary>
    /// The practice bound to the conversation's workspace: the exact Teams team (or Slack team) first, then a
    /// tenant-wide binding; a Teams personal chat (no team) belongs to the tenant's practice when there is only one.
    /// </summary>
    public async Task<long?> FindPracticeIdAsync(ConversationReference conversation, CancellationToken cancellationToken)
    {
        var team = conversation.TeamId ?? "";
        var candidates = await db.WorkspaceBindings
            .Where(b => b.Platform == conversation.Platform && b.WorkspaceId == conversation.WorkspaceId)
            .OrderBy(b => b.Id)
            .Select(b => new { b.TeamId, b.PracticeId })
            .Take(50)
            .ToListAsync(cancellationToken);

        var exact = candidates.FirstOrDefault(b => b.TeamId == team) ?? candidates.FirstOrDefault(b => b.TeamId.Length == 0);
        if (exact is not null)
        {
            return exact.PracticeId;
        }

        var practices = candidates.Select(b => b.PracticeId).Distinct().ToList();
        return team.Length == 0 && practices.Count == 1 ? practices[0] : null;
    }

    public static WorkspaceBinding BindingFor(ConversationReference conversation, long practiceId, DateTimeOffset now) => new()
    {
        PracticeId = practiceId,
        Platform = conversation.Platform,
        WorkspaceId = conversation.WorkspaceId,
        TeamId = conversation.TeamId ?? "",
        CreatedAt = now,
    };
}
