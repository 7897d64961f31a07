using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Dashboard;

/// <summary>A practice a signed-in person may open, and what they see of it.</summary>
public sealed record DashboardPractice(long Id, string Name, DashboardRights Rights);

/// <summary>What a practice's page is rendered for: the practice, the person as its member, and their rights.</summary>
public sealed record DashboardView(Practice Practice, Member Member, DashboardRights Rights);

/// <summary>
/// Decides, on every request, what a signed-in person may see: their roles are read again each time, so a role taken
/// away in chat takes the page away at once, whatever the session cookie says.
/// </summary>
public sealed class DashboardViewers(PracticeBotDb db)
{
    /// <summary>Every practice in which this person (one platform's user id) has a role that shows something.</summary>
    public async Task<IReadOnlyList<DashboardPractice>> PracticesOfAsync(string platform, string userId, CancellationToken ct)
    {
        db.PracticeScope = null;
        var rows = await (
            from m in db.Members.AsNoTracking()
            join p in db.Practices.AsNoTracking() on m.PracticeId equals p.Id
            where m.Platform == platform && m.UserId == userId
            orderby p.Name
            select new { Member = m, p.Id, p.Name }).ToListAsync(ct);
        return [.. rows
            .Select(r => new DashboardPractice(r.Id, r.Name, DashboardRightsOf.Member(r.Member)))
            .Where(p => p.Rights != DashboardRights.None)];
    }

    /// <summary>
    /// The practice as this person may see it, or null when they may see nothing of it (not a member, no role, no such
    /// practice: the same answer for each, so a page never tells which practices exist). From here on the context is
    /// scoped to that practice, so no later query of the request can read another's rows.
    /// </summary>
    public async Task<DashboardView?> ViewAsync(string platform, string userId, long practiceId, CancellationToken ct)
    {
        db.PracticeScope = practiceId;
        var member = await db.Members.AsNoTracking()
            .SingleOrDefaultAsync(m => m.PracticeId == practiceId && m.Platform == platform && m.UserId == userId, ct);
        var rights = DashboardRightsOf.Member(member);
        if (member is null || rights == DashboardRights.None)
        {
            return null;
        }

        var practice = await db.Practices.AsNoTracking().SingleAsync(p => p.Id == practiceId, ct);
        return new DashboardView(practice, member, rights);
    }
}
