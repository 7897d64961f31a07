using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Dashboard;

/// <summary>
/// A person as an identity provider vouched for them: the workspace (Slack team id, or Entra tenant id) and the account
/// in it (Slack user id, or Entra object id), with the name the provider gave.
/// </summary>
public sealed record ProviderAccount(string Platform, string WorkspaceId, string AccountId, string? Name);

/// <summary>Whom a provider's sign-in signs in: the chat identity the dashboard session holds, and what they may open.</summary>
public sealed record DashboardAccount(string Platform, string UserId, string? Name, IReadOnlyList<long> PracticeIds);

/// <summary>
/// Maps "Sign in with Slack" or "Sign in with Microsoft" to the person as chat knows them: only members of a practice
/// bound to that very workspace (Slack team, Teams tenant) count, and only those with a role that shows something.
/// </summary>
public sealed class DashboardAccounts(PracticeBotDb db)
{
    /// <summary>The chat identity and its practices; null when the person has no practice whose dashboard they may see.</summary>
    public async Task<DashboardAccount?> FindAsync(ProviderAccount account, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(account.WorkspaceId) || string.IsNullOrWhiteSpace(account.AccountId))
        {
            return null;
        }

        db.PracticeScope = null;
        var bound = db.WorkspaceBindings.AsNoTracking()
            .Where(b => b.Platform == account.Platform && b.WorkspaceId == account.WorkspaceId)
            .Select(b => b.PracticeId);
        var members = db.Members.AsNoTracking().Where(m => m.Platform == account.Platform && bound.Contains(m.PracticeId));
        members = account.Platform == Platforms.Teams
            ? members.Where(m => m.AadObjectId == account.AccountId)
            : members.Where(m => m.UserId == account.AccountId);
        var found = (await members.OrderBy(m => m.Id).ToListAsync(ct))
            .Where(m => DashboardRightsOf.Member(m) != DashboardRights.None)
            .ToList();
        if (found.Count == 0)
        {
            return null;
        }

        // The session holds one chat user id; in Teams that is the bot-scoped id of the person's first membership.
        var first = found[0];
        var practices = found.Where(m => m.UserId == first.UserId).Select(m => m.PracticeId).Distinct().ToList();
        return new DashboardAccount(first.Platform, first.UserId, first.DisplayName ?? account.Name, practices);
    }
}
