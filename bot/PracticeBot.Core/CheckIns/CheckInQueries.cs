using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.CheckIns;

/// <summary>
/// The check-in's queries, compiled once: the weekly check-in runs them for every practice at once, and a LINQ query
/// otherwise has its expression tree walked, its parameters extracted and its cache entry looked up on every run.
/// The practice scope filter of <see cref="PracticeBotDb"/> still applies (compiled queries keep query filters).
/// Each is compiled once per model (<see cref="CompiledPerModel{TQuery}"/>): SQLite and PostgreSQL have their own.
/// </summary>
internal static class CheckInQueries
{
    public static readonly CompiledPerModel<Func<PracticeBotDb, long, string, CancellationToken, Task<bool>>> WeekSent = new(() =>
        EF.CompileAsyncQuery((PracticeBotDb db, long practiceId, string week, CancellationToken ct) =>
            db.Nudges.Any(n => n.PracticeId == practiceId && n.Kind == CheckInKinds.Week && n.Subject == week)));

    /// <summary>Reviews received since a moment, and every review in one of the statuses given (untracked).</summary>
    public static readonly CompiledPerModel<Func<PracticeBotDb, long, DateTimeOffset, List<ReviewStatus>, IAsyncEnumerable<Review>>> Reviews = new(() =>
        EF.CompileAsyncQuery((PracticeBotDb db, long practiceId, DateTimeOffset since, List<ReviewStatus> statuses) =>
            db.Reviews.AsNoTracking().Where(r => r.PracticeId == practiceId && (r.ReceivedAt >= since || statuses.Contains(r.Status)))));

    public static readonly CompiledPerModel<Func<PracticeBotDb, long, DateOnly, DateOnly, IAsyncEnumerable<DigestSlot>>> Slots = new(() =>
        EF.CompileAsyncQuery((PracticeBotDb db, long practiceId, DateOnly from, DateOnly to) =>
            db.PostingSlots
                .Where(s => s.PracticeId == practiceId && s.Date >= from && s.Date < to)
                .Select(s => new DigestSlot(s.Date, s.Network, s.Status == SlotStatus.Done, s.DoneByMemberId))));

    /// <summary>Replies published to the reviews given, or since a moment.</summary>
    public static readonly CompiledPerModel<Func<PracticeBotDb, long, List<long>, DateTimeOffset, IAsyncEnumerable<PublishedReply>>> Published = new(() =>
        EF.CompileAsyncQuery((PracticeBotDb db, long practiceId, List<long> reviewIds, DateTimeOffset since) =>
            db.ReviewReplies
                .Where(r => r.PracticeId == practiceId && r.PublishedAt != null && (reviewIds.Contains(r.ReviewId) || r.PublishedAt >= since))
                .Select(r => new PublishedReply(r.ReviewId, r.AuthorMemberId, r.PublishedAt!.Value))));

    /// <summary>The practice's members, ordered by id (tracked).</summary>
    public static readonly CompiledPerModel<Func<PracticeBotDb, long, IAsyncEnumerable<Member>>> Members = new(() =>
        EF.CompileAsyncQuery<PracticeBotDb, long, Member>((db, practiceId) => db.Members.Where(m => m.PracticeId == practiceId).OrderBy(m => m.Id)));

    public static readonly CompiledPerModel<Func<PracticeBotDb, long, DateOnly, IAsyncEnumerable<long>>> AwayOn = new(() =>
        EF.CompileAsyncQuery((PracticeBotDb db, long practiceId, DateOnly day) =>
            db.PostingAways.Where(a => a.PracticeId == practiceId && a.From <= day && a.To >= day).Select(a => a.MemberId)));

    /// <summary>The posting plan (tracked: the check-in may have resumed it in this turn).</summary>
    public static readonly CompiledPerModel<Func<PracticeBotDb, long, CancellationToken, Task<PostingPlan?>>> Plan = new(() =>
        EF.CompileAsyncQuery((PracticeBotDb db, long practiceId, CancellationToken ct) => db.PostingPlans.SingleOrDefault(p => p.PracticeId == practiceId)));

    public static readonly CompiledPerModel<Func<PracticeBotDb, long, CancellationToken, Task<DateTimeOffset?>>> LastPost = new(() =>
        EF.CompileAsyncQuery((PracticeBotDb db, long practiceId, CancellationToken ct) =>
            db.PostingSlots.Where(s => s.PracticeId == practiceId && s.Status == SlotStatus.Done && s.DoneAt != null).Max(s => s.DoneAt)));

    /// <summary>When each of the subjects given was last in the audit log (one row per entry).</summary>
    public static readonly CompiledPerModel<Func<PracticeBotDb, long, List<string>, IAsyncEnumerable<Touch>>> Touches = new(() =>
        EF.CompileAsyncQuery((PracticeBotDb db, long practiceId, List<string> subjects) =>
            db.AuditEntries
                .Where(a => a.PracticeId == practiceId && a.Subject != null && subjects.Contains(a.Subject))
                .Select(a => new Touch(a.Subject!, a.At))));

    public static readonly CompiledPerModel<Func<PracticeBotDb, long, IAsyncEnumerable<StallSource>>> Sources = new(() =>
        EF.CompileAsyncQuery((PracticeBotDb db, long practiceId) =>
            db.SourceSyncs.Where(s => s.PracticeId == practiceId).Select(s => new StallSource(s.Source, s.LastSuccessAt))));

    /// <summary>Ladder rungs already sent for the subjects given.</summary>
    public static readonly CompiledPerModel<Func<PracticeBotDb, long, List<string>, IAsyncEnumerable<SentRung>>> SentRungs = new(() =>
        EF.CompileAsyncQuery((PracticeBotDb db, long practiceId, List<string> subjects) =>
            db.Nudges
                .Where(n => n.PracticeId == practiceId && n.Kind.StartsWith("stall.") && subjects.Contains(n.Subject!))
                .Select(n => new SentRung(n.Kind, n.Subject, n.Level))));

    public static async Task<List<T>> ListAsync<T>(this IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(ct))
        {
            list.Add(row);
        }

        return list;
    }

    public sealed record PublishedReply(long ReviewId, long AuthorMemberId, DateTimeOffset PublishedAt);

    public sealed record Touch(string Subject, DateTimeOffset At);

    public sealed record SentRung(string Kind, string? Subject, int Level);
}
