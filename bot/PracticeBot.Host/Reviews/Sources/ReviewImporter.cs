using Microsoft.EntityFrameworkCore;
using PracticeBot.Adapters.Reviews.Csv;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Storage;

namespace PracticeBot.Host.Reviews.Sources;

/// <summary>
/// Imports a review CSV into one practice in batches, each its own transaction. Historic reviews are stored and triaged
/// without posting cards. A bad line is skipped with its reason; the rest goes on.
/// </summary>
public sealed class ReviewImporter(IServiceScopeFactory scopes)
{
    public const int BatchSize = 500;

    /// <summary>The practice named by slug or by name (any case), or null.</summary>
    public async Task<Practice?> FindPracticeAsync(string nameOrSlug, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        db.PracticeScope = null;
        var wanted = nameOrSlug.Trim();
        var slug = Slugs.FromName(wanted);
        return (await db.Practices.AsNoTracking().ToListAsync(ct))
            .FirstOrDefault(p => p.Slug == wanted || p.Slug == slug || string.Equals(p.Name, wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <exception cref="InvalidDataException">The header is unusable; nothing was imported.</exception>
    public async Task<ImportReport> ImportAsync(TextReader reader, Practice practice, string origin, Action<int>? progress, CancellationToken ct)
    {
        var skipped = new List<(int, string)>();
        var batch = new List<SourcedReview>(BatchSize);
        int lines = 0, created = 0, updated = 0, unchanged = 0;

        async Task FlushAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var summary = await scope.ServiceProvider.GetRequiredService<ReviewIntake>()
                .ReceiveAsync(practice.Id, batch, ReviewOrigin.Csv, surface: false, $"import:{origin}", ct) ?? IngestionSummary.Empty;
            created += summary.Created;
            updated += summary.Edited + summary.Replied;
            unchanged += summary.Unchanged;
            batch.Clear();
            progress?.Invoke(lines);
        }

        foreach (var line in ReviewCsvReader.Read(reader))
        {
            lines++;
            if (line.Review is { } review)
            {
                batch.Add(review);
                if (batch.Count == BatchSize)
                {
                    await FlushAsync();
                }
            }
            else
            {
                skipped.Add((line.Line, line.Problem!));
            }
        }

        await FlushAsync();
        return new ImportReport(lines, created, updated, unchanged, skipped);
    }
}
