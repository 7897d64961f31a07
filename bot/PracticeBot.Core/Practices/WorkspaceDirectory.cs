using System.Linq.Expressions;
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
    public async Task<long?> FindPracticeIdAsync(ConversationReference conversation, CancellationToken cancellationToken) =>
        (await FindPracticeAsync(conversation, tracked: false, cancellationToken))?.Id;

    /// <summary>
    /// <see cref="FindPracticeIdAsync"/> and the practice itself in one query: every chat turn asks this first, before
    /// the practice's scope is known, so the practice is read unscoped through its binding. Tracked unless the turn
    /// only reads: tracking snapshots the practice's settings (JSON) and compares them again at the end of the turn.
    /// </summary>
    public async Task<Practice?> FindPracticeAsync(ConversationReference conversation, bool tracked, CancellationToken cancellationToken)
    {
        var candidates = new List<Candidate>();
        var practices = new Dictionary<long, Practice>();
        var query = tracked ? BoundPracticesOf : UntrackedBoundPracticesOf;
        await foreach (var bound in query.For(db)(db, conversation.Platform, conversation.WorkspaceId).WithCancellation(cancellationToken))
        {
            candidates.Add(new Candidate(bound.TeamId, bound.Practice.Id));
            practices[bound.Practice.Id] = bound.Practice;
        }

        return Choose(candidates, conversation.TeamId ?? "") is { } id ? practices[id] : null;
    }

    private static long? Choose(List<Candidate> candidates, string team)
    {
        var exact = candidates.FirstOrDefault(b => b.TeamId == team) ?? candidates.FirstOrDefault(b => b.TeamId.Length == 0);
        if (exact is not null)
        {
            return exact.PracticeId;
        }

        var practices = candidates.Select(b => b.PracticeId).Distinct().ToList();
        return team.Length == 0 && practices.Count == 1 ? practices[0] : null;
    }

    private sealed record Candidate(string TeamId, long PracticeId);

    private sealed record BoundPractice(string TeamId, Practice Practice);

    // Asked on every chat turn: compiled once, so a turn does not translate the same LINQ again.
    private static readonly Expression<Func<PracticeBotDb, string, string, IQueryable<BoundPractice>>> BoundPractices =
        (db, platform, workspaceId) =>
            from binding in db.WorkspaceBindings
                .Where(b => b.Platform == platform && b.WorkspaceId == workspaceId)
                .OrderBy(b => b.Id)
                .Take(MaxBindings)
            join practice in db.Practices.IgnoreQueryFilters() on binding.PracticeId equals practice.Id
            select new BoundPractice(binding.TeamId, practice);

    private static readonly CompiledPerModel<Func<PracticeBotDb, string, string, IAsyncEnumerable<BoundPractice>>> BoundPracticesOf =
        new(() => EF.CompileAsyncQuery(BoundPractices));

    private static readonly CompiledPerModel<Func<PracticeBotDb, string, string, IAsyncEnumerable<BoundPractice>>> UntrackedBoundPracticesOf =
        new(() => EF.CompileAsyncQuery(Expression.Lambda<Func<PracticeBotDb, string, string, IQueryable<BoundPractice>>>(
            Expression.Call(typeof(EntityFrameworkQueryableExtensions), nameof(EntityFrameworkQueryableExtensions.AsNoTracking), [typeof(BoundPractice)], BoundPractices.Body),
            BoundPractices.Parameters)));

    private const int MaxBindings = 50;

    public static WorkspaceBinding BindingFor(ConversationReference conversation, long practiceId, DateTimeOffset now) => new()
    {
        PracticeId = practiceId,
        Platform = conversation.Platform,
        WorkspaceId = conversation.WorkspaceId,
        TeamId = conversation.TeamId ?? "",
        CreatedAt = now,
    };
}
