using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Audit;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Dashboard;

/// <summary>A page of the audit log, newest first.</summary>
public sealed record ActivityResults(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The Activity page's read: the practice's audit log, filtered and paged in the database.</summary>
public sealed class ActivityLog(PracticeBotDb db)
{
    public async Task<ActivityResults> PageAsync(Practice practice, ActivityFilter filter, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking().Where(a => a.PracticeId == practice.Id);
        if (filter.Kind is { } kind)
        {
            var prefix = kind + ".";
            query = query.Where(a => a.Action.StartsWith(prefix));
        }

        if (filter.Actor is { } actor)
        {
            var term = actor.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // these run as SQL lower(), never in .NET
            query = query.Where(a => a.Actor.ToLower().Contains(term) || (a.ActorName != null && a.ActorName.ToLower().Contains(term)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var zone = PostingDesk.Zone(practice);
        if (filter.From is { } from)
        {
            var fromUtc = PostingClock.ToUtc(from, TimeOnly.MinValue, zone);
            query = query.Where(a => a.At >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = PostingClock.ToUtc(to.AddDays(1), TimeOnly.MinValue, zone);
            query = query.Where(a => a.At < toUtc);
        }

        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + ActivityFilter.PageSize - 1) / ActivityFilter.PageSize);
        var page = Math.Min(filter.Page, pages);
        var entries = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * ActivityFilter.PageSize).Take(ActivityFilter.PageSize).ToListAsync(ct);
        return new ActivityResults(entries, total, page, ActivityFilter.PageSize);
    }
}
