using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews.Sources;

/// <summary><c>practice sources</c>: each review source of the practice with its status, last sync and how many reviews it brought.</summary>
public sealed class ShowSources(PracticeBotDb db, IEnumerable<IReviewSource> sources, TimeProvider time, IEnumerable<IReviewSourceReport> reports)
    : IBotHandler<CommandInvocation>
{
    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        var now = time.GetUtcNow();
        var syncs = await db.SourceSyncs.Where(s => s.PracticeId == practice.Id).ToListAsync(cancellationToken);
        var counts = (await db.Reviews.Where(r => r.PracticeId == practice.Id)
                .GroupBy(r => r.Source)
                .Select(g => new { Source = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(c => c.Source, c => c.Count, StringComparer.Ordinal);

        var lines = new List<string>();
        foreach (var source in sources.Where(s => s.Serves(practice)).OrderBy(s => s.DisplayName, StringComparer.Ordinal))
        {
            var sync = syncs.FirstOrDefault(s => s.Source == source.Name);
            // A feed that relays several sites (the demo) files its reviews under those sites, listed below.
            var count = counts.Remove(source.Name, out var n) ? $" · {Reviews(n)}" : "";
            lines.Add($"*{source.DisplayName}* (polled every {Every(source.PollInterval)}) — {Status(sync, now)}{count}");
        }

        foreach (var report in reports)
        {
            lines.AddRange(await report.LinesAsync(practice, now, cancellationToken));
        }

        foreach (var (source, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            lines.Add($"*{ReviewCards.SourceName(source)}* — {Reviews(count)}");
        }

        if (lines.Count == 0)
        {
            turn.Reply("No review sources yet. Sources are configured by your administrator (`Sources:Google`, `Sources:Yelp`, " +
                       "`Sources:Facebook`), and any service can post reviews to the webhook with the id shown by `practice settings`.");
            return;
        }

        turn.Reply(new OutboundMessage(
            $"{practice.Name}: {lines.Count} review source{(lines.Count == 1 ? "" : "s")}",
            Card.Of(
                new HeaderBlock($"{practice.Name} — review sources"),
                new SectionBlock(string.Join("\n", lines)),
                new ContextBlock(["Webhook: POST /api/reviews/webhook with the practice id from `practice settings`."]))));
    }

    private static string Status(SourceSync? sync, DateTimeOffset now) => sync switch
    {
        null or { Status: SourceSyncStatus.Pending } => "not synced yet",
        { Status: SourceSyncStatus.Ok } => $"ok · last sync {Ago(sync.LastSuccessAt, now)}",
        { Status: SourceSyncStatus.Unavailable } => $"unavailable: {sync.LastError}",
        _ => $"failing ({sync.ConsecutiveFailures} in a row: {sync.LastError}) · last good sync {Ago(sync.LastSuccessAt, now)}",
    };

    private static string Ago(DateTimeOffset? then, DateTimeOffset now) => then is not { } at
        ? "never"
        : (now - at) switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalHours: < 1 } age => $"{(int)age.TotalMinutes} min ago",
            { TotalDays: < 1 } age => $"{(int)age.TotalHours} h ago",
            var age => $"{(int)age.TotalDays} d ago",
        };

    private static string Every(TimeSpan interval) => interval switch
    {
        { TotalHours: >= 1 } => $"{interval.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} h",
        { TotalMinutes: >= 1 } => $"{(int)interval.TotalMinutes} min",
        _ => $"{Math.Max(1, (int)interval.TotalSeconds)} s",
    };

    private static string Reviews(int count) => count == 1 ? "1 review" : $"{count} reviews";
}
