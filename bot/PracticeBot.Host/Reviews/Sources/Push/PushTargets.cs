using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Reviews.Facebook;
using PracticeBot.Adapters.Reviews.Google;
using PracticeBot.Core.Reviews.Sources.Connections;
using PracticeBot.Core.Storage;

namespace PracticeBot.Host.Reviews.Sources.Push;

/// <summary>
/// Which practices a pushed notification is for: those whose own location of the source it names — connected from
/// chat, or (for a practice with no chat connection of that source) given in the configuration — and the credential to
/// read it with. A location no practice has gets no one, and the push is acknowledged without storing anything.
/// </summary>
public sealed class PushTargets(
    PracticeBotDb db, ConnectedSources connections, IOptions<GoogleSourceOptions> google, IOptions<FacebookSourceOptions> facebook)
{
    public async Task<List<PushTarget>> FindAsync(string source, string location, CancellationToken ct)
    {
        db.PracticeScope = null;
        var rows = await db.SourceConnections.AsNoTracking().Where(c => c.Source == source).ToListAsync(ct);
        var targets = rows.Where(r => r.Status == SourceConnectionStatus.Connected && r.Location == location)
            .Select(r => connections.Account(r) is { } account ? new PushTarget(r.PracticeId, account) : null)
            .OfType<PushTarget>()
            .ToList();
        var chatConnected = rows.Where(r => r.Status == SourceConnectionStatus.Connected).Select(r => r.PracticeId).ToHashSet();

        var configured = source switch
        {
            GoogleReviewSource.SourceName => google.Value.Practices
                .SelectMany(p => p.Value.Where(l => l.Name == location).Select(l => (Slug: p.Key, Account: new ConnectedAccount(l.Name, l.Label, null, null)))),
            FacebookReviewSource.SourceName => facebook.Value.Practices.Where(p => p.Value.PageId == location)
                .Select(p => (Slug: p.Key, Account: new ConnectedAccount(p.Value.PageId, null, p.Value.PageToken, null))),
            _ => [],
        };
        foreach (var (slug, account) in configured)
        {
            var practiceId = await db.Practices.AsNoTracking().Where(p => p.Slug == slug).Select(p => (long?)p.Id).SingleOrDefaultAsync(ct);
            if (practiceId is { } id && !chatConnected.Contains(id))
            {
                targets.Add(new PushTarget(id, account, FromConfiguration: true));
            }
        }

        return targets;
    }
}

/// <param name="FromConfiguration">Read with the deployment's credentials (Google's <c>Sources:Google:RefreshToken</c>).</param>
public sealed record PushTarget(long PracticeId, ConnectedAccount Account, bool FromConfiguration = false);
