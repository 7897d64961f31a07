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

        var connected = await db.SourceConnections.Where(c => c.PracticeId == practice.Id).ToListAsync(cancellationToken);
        var lines = new List<string>();
        foreach (var source in sources.Where(s => s.Serves(practice) || connected.Any(c => c.Source == s.Name)).OrderBy(s => s.DisplayName, StringComparer.Ordinal))
        {
            var sync = syncs.FirstOrDefault(s => s.Source == source.Name);
            var connection = connected.FirstOrDefault(c => c.Source == source.Name);
            // A feed that relays several sites (the demo) files its reviews under those sites, listed below.
            var count = counts.Remove(source.Name, out var n) ? $" · {Reviews(n)}" : "";
            var status = connection is { Status: not Connections.SourceConnectionStatus.Connected } && !source.Serves(practice)
                ? Pending(connection)
                : Status(sync, now) + Advice(source, sync, connection);
            lines.Add($"*{source.DisplayName}*{Connection(connection)} (polled every {Every(source.PollInterval)}) — {status}{count}");
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
            turn.Reply("No review sources yet. Connect one with `practice connect google`, `practice connect facebook` or " +
                       "`practice connect yelp <business-id>` (or your administrator configures `Sources:Google`, `Sources:Yelp`, `Sources:Facebook`); " +
                       "any service can post reviews to the webhook with the id shown by `practice settings`.");
            return;
        }

        turn.Reply(new OutboundMessage(
            $"{practice.Name}: {lines.Count} review source{(lines.Count == 1 ? "" : "s")}",
            Card.Of(
                new HeaderBlock($"{practice.Name} — review sources"),
                new SectionBlock(string.Join("\n", lines)),
                new ContextBlock(["Webhook: POST /api/reviews/webhook with the practice id from `practice settings`."]))));
    }

    /// <summary>Who and what is connected from chat: "connected from chat · account · location".</summary>
    private static string Connection(Connections.SourceConnection? connection) => connection is not { Status: Connections.SourceConnectionStatus.Connected }
        ? ""
        : $" · {string.Join(" · ", new[] { connection.Account, connection.LocationLabel ?? connection.Location }.Where(p => !string.IsNullOrEmpty(p)).Select(p => OutsideText.Mark(p)))}";

    private static string Pending(Connections.SourceConnection connection) => connection.Status switch
    {
        Connections.SourceConnectionStatus.Choosing => $"signed in as {OutsideText.Mark(connection.Account)}; a manager still picks the practice's own from the buttons I sent",
        _ => $"not connected yet: the sign-in link was sent; run `practice connect {connection.Source}` for a new one",
    };

    /// <summary>What to do about a failure of a source connected from chat, in plain words.</summary>
    private static string Advice(IReviewSource source, SourceSync? sync, Connections.SourceConnection? connection) =>
        connection is { Status: Connections.SourceConnectionStatus.Connected } && sync is { Status: SourceSyncStatus.Failing }
        && sync.LastError?.Contains("reconnect", StringComparison.Ordinal) != true
            ? $". If it keeps failing, reconnect with `practice connect {source.Name}`"
            : "";

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
