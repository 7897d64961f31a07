using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Dashboard;

/// <summary>Who a redeemed sign-in link signs in: a person (as known on one platform) and the practice they asked from.</summary>
public sealed record DashboardPerson(string Platform, string UserId, string? Name, long PracticeId);

/// <summary>Redeems sign-in links: each works once, before it expires, whichever instance of the bot is asked.</summary>
public sealed class DashboardSignIns(PracticeBotDb db, TimeProvider time)
{
    /// <summary>How long a used or expired link's row is kept (for the audit trail of the day), then deleted.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    /// <summary>
    /// Marks the link used and returns whom it signs in; null for an unknown, used or expired link. The mark is one
    /// conditional <c>UPDATE … WHERE used_at IS NULL</c>: of two requests racing with the same link, on one instance or
    /// two, the database lets exactly one change the row, and only that one signs in.
    /// </summary>
    public async Task<DashboardPerson?> RedeemAsync(string? token, CancellationToken ct)
    {
        if (!DashboardTokens.LooksValid(token))
        {
            return null;
        }

        var hash = DashboardTokens.Hash(token!);
        var now = time.GetUtcNow();
        db.PracticeScope = null;
        var won = await db.DashboardSignIns
            .Where(s => s.TokenHash == hash && s.UsedAt == null && s.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.UsedAt, now), ct);
        var stale = now - KeepFor;
        await db.DashboardSignIns.Where(s => s.ExpiresAt < stale).ExecuteDeleteAsync(ct);
        if (won != 1)
        {
            return null;
        }

        var link = await db.DashboardSignIns.AsNoTracking().SingleAsync(s => s.TokenHash == hash, ct);
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == link.MemberId, ct);
        return member is null ? null : new DashboardPerson(member.Platform, member.UserId, member.DisplayName, link.PracticeId);
    }
}
