using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Dashboard;

/// <summary>
/// The Reviews page's reads: the filtered, sorted page of reviews, the whole filtered list for the export, and the
/// choices the filter offers. Filtering, counting and paging happen in the database; only the page's rows are read.
/// </summary>
public sealed class ReviewTable(PracticeBotDb db)
{
    public async Task<ReviewResults> PageAsync(Practice practice, ReviewFilter filter, CancellationToken ct)
    {
        var query = Filtered(practice, filter);
        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + ReviewFilter.PageSize - 1) / ReviewFilter.PageSize);
        var page = Math.Min(filter.Page, pages);
        var reviews = await Sorted(query, filter.Sort).Skip((page - 1) * ReviewFilter.PageSize).Take(ReviewFilter.PageSize).ToListAsync(ct);
        return new ReviewResults(await RowsAsync(practice, reviews, ct), total, page, ReviewFilter.PageSize);
    }

    /// <summary>Every review the filter matches, in its sort order (the export).</summary>
    public async Task<IReadOnlyList<ReviewRow>> AllAsync(Practice practice, ReviewFilter filter, CancellationToken ct)
    {
        var reviews = await Sorted(Filtered(practice, filter), filter.Sort).ToListAsync(ct);
        return await RowsAsync(practice, reviews, ct);
    }

    /// <summary>The sources, categories and people that the filter's lists offer.</summary>
    public async Task<ReviewChoices> ChoicesAsync(Practice practice, CancellationToken ct)
    {
        var sources = await db.Reviews.Where(r => r.PracticeId == practice.Id).Select(r => r.Source).Distinct().OrderBy(s => s).ToListAsync(ct);
        var categories = await db.Reviews.Where(r => r.PracticeId == practice.Id && r.Category != null)
            .Select(r => r.Category!).Distinct().OrderBy(c => c).ToListAsync(ct);
        var people = await db.Members.Where(m => m.PracticeId == practice.Id && (m.Roles & (Role.Manager | Role.Responder)) != 0)
            .OrderBy(m => m.DisplayName).Select(m => new KeyValuePair<long, string>(m.Id, m.DisplayName ?? m.UserId)).ToListAsync(ct);
        return new ReviewChoices(sources, categories, people);
    }

    private IQueryable<Review> Filtered(Practice practice, ReviewFilter filter)
    {
        var query = db.Reviews.AsNoTracking().Where(r => r.PracticeId == practice.Id);
        if (filter.Source is { } source)
        {
            query = query.Where(r => r.Source == source);
        }

        if (filter.Stars is { } stars)
        {
            query = query.Where(r => r.Rating == stars);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (filter.Category is { } category)
        {
            query = query.Where(r => r.Category == category);
        }

        if (filter.ClaimedBy is { } claimed)
        {
            query = claimed == ReviewFilter.Nobody ? query.Where(r => r.ClaimedByMemberId == null) : query.Where(r => r.ClaimedByMemberId == claimed);
        }

        var zone = PostingDesk.Zone(practice);
        if (filter.From is { } from)
        {
            var fromUtc = PostingClock.ToUtc(from, TimeOnly.MinValue, zone);
            query = query.Where(r => r.ReceivedAt >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = PostingClock.ToUtc(to.AddDays(1), TimeOnly.MinValue, zone);
            query = query.Where(r => r.ReceivedAt < toUtc);
        }

        if (filter.Search is { } search)
        {
            // lower() on both sides: case-insensitive on SQLite and PostgreSQL alike (LIKE is not, on PostgreSQL).
            var term = search.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // these run as SQL lower(), never in .NET
            query = query.Where(r => (r.Text != null && r.Text.ToLower().Contains(term)) || (r.Author != null && r.Author.ToLower().Contains(term)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        return query;
    }

    private static IQueryable<Review> Sorted(IQueryable<Review> query, ReviewSort sort) => sort switch
    {
        ReviewSort.Oldest => query.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Number),
        ReviewSort.LowestRating => query.OrderBy(r => r.Rating == null).ThenBy(r => r.Rating).ThenByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Number),
        ReviewSort.HighestRating => query.OrderBy(r => r.Rating == null).ThenByDescending(r => r.Rating).ThenByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Number),
        ReviewSort.Number => query.OrderBy(r => r.Number),
        _ => query.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Number),
    };

    private async Task<IReadOnlyList<ReviewRow>> RowsAsync(Practice practice, List<Review> reviews, CancellationToken ct)
    {
        var ids = reviews.Select(r => r.Id).ToList();
        var firstReplies = ids.Count == 0 ? [] : await db.ReviewReplies
            .Where(r => r.PracticeId == practice.Id && r.PublishedAt != null && ids.Contains(r.ReviewId))
            .GroupBy(r => r.ReviewId)
            .Select(g => new { ReviewId = g.Key, At = g.Min(r => r.PublishedAt) })
            .ToDictionaryAsync(x => x.ReviewId, x => x.At, ct);
        var claimers = reviews.Select(r => r.ClaimedByMemberId).OfType<long>().Distinct().ToList();
        var names = claimers.Count == 0 ? [] : await db.Members.Where(m => claimers.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.DisplayName ?? m.UserId, ct);
        return [.. reviews.Select(r => new ReviewRow(
            r.Number, r.Source, r.Rating, r.Recommendation, r.Author, r.Text, r.Url, r.ReceivedAt, r.Status, r.Category, SlaPlanner.IsUrgent(r),
            r.ClaimedByMemberId is { } id && names.TryGetValue(id, out var name) ? name : null,
            firstReplies.TryGetValue(r.Id, out var at) ? at : null))];
    }
}

/// <summary>What the filter's lists offer: the sources and categories the practice has, and who can claim.</summary>
public sealed record ReviewChoices(IReadOnlyList<string> Sources, IReadOnlyList<string> Categories, IReadOnlyList<KeyValuePair<long, string>> People);
