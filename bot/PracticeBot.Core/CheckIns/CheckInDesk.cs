using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.CheckIns;

/// <summary>Reads what the digest and the stall rules need from storage, and hands it to the pure calculators.</summary>
public sealed class CheckInDesk(PracticeBotDb db, TimeProvider time, IChartRenderer? chart = null)
{
    /// <summary>
    /// The digest's card, with the chart of the last <see cref="WeeklySeries.ChartWeeks"/> weeks attached as a PNG when
    /// the host registered an <see cref="IChartRenderer"/>.
    /// </summary>
    public async Task<OutboundMessage> DigestMessageAsync(Practice practice, CheckInWeek week, CancellationToken ct)
    {
        var digest = await DigestAsync(practice, week, ct);
        var message = DigestCard.Render(digest, practice.Name);
        if (chart is null)
        {
            return message;
        }

        var series = await SeriesAsync(practice, week, ct);
        var png = chart.RenderWeeklyChart(series, IChartRenderer.DefaultWidth, IChartRenderer.DefaultHeight);
        return message with { Files = [new OutboundFile($"checkin-{week.Key}.png", "image/png", png, series.AltText())] };
    }

    /// <summary>Reviews and posting slots of the chart's weeks, handed to <see cref="WeeklySeries.Compute"/>.</summary>
    public async Task<WeeklySeries> SeriesAsync(Practice practice, CheckInWeek week, CancellationToken ct)
    {
        var zone = PostingDesk.Zone(practice);
        var from = week.From.AddDays(-7 * (WeeklySeries.ChartWeeks - 1));
        var fromUtc = PostingClock.ToUtc(from, TimeOnly.MinValue, zone);
        var reviews = await db.Reviews
            .Where(r => r.PracticeId == practice.Id && r.ReceivedAt >= fromUtc && r.ReceivedAt < week.ToUtc)
            .Select(r => new { r.Number, r.Source, r.Rating, r.ReceivedAt })
            .ToListAsync(ct);
        var slots = await db.PostingSlots
            .Where(s => s.PracticeId == practice.Id && s.Date >= from && s.Date < week.To)
            .Select(s => new DigestSlot(s.Date, s.Network, s.Status == SlotStatus.Done, s.DoneByMemberId))
            .ToListAsync(ct);
        return WeeklySeries.Compute(
            week,
            zone,
            [.. reviews.Select(r => new DigestReview(r.Number, r.Source, r.Rating, r.ReceivedAt, [], false, false, true, null))],
            slots);
    }

    public static CheckInWeek WeekOf(Practice practice, DateTimeOffset instant) => CheckInWeek.For(instant, PostingDesk.Zone(practice));

    public async Task<WeeklyDigest> DigestAsync(Practice practice, CheckInWeek week, CancellationToken ct)
    {
        var waiting = SlaPlanner.Waiting.ToList();
        var reviews = await db.Reviews
            .Where(r => r.PracticeId == practice.Id && (r.ReceivedAt >= week.PriorFromUtc || waiting.Contains(r.Status)))
            .ToListAsync(ct);
        var ids = reviews.Select(r => r.Id).ToList();
        var published = await db.ReviewReplies
            .Where(r => r.PracticeId == practice.Id && r.PublishedAt != null && (ids.Contains(r.ReviewId) || r.PublishedAt >= week.FromUtc))
            .Select(r => new { r.ReviewId, r.AuthorMemberId, PublishedAt = r.PublishedAt!.Value })
            .ToListAsync(ct);
        var firstResponse = published.GroupBy(r => r.ReviewId).ToDictionary(g => g.Key, g => g.Min(r => r.PublishedAt));
        var slots = await db.PostingSlots
            .Where(s => s.PracticeId == practice.Id && s.Date >= week.From && s.Date < week.To)
            .Select(s => new DigestSlot(s.Date, s.Network, s.Status == SlotStatus.Done, s.DoneByMemberId))
            .ToListAsync(ct);
        var names = await db.Members.Where(m => m.PracticeId == practice.Id).ToDictionaryAsync(m => m.Id, m => m.DisplayName ?? m.Mention, ct);

        return DigestCalculator.Compute(new DigestInputs(
            week,
            time.GetUtcNow(),
            practice.Settings.ResponseTargetHours,
            practice.Settings.UrgentResponseTargetHours,
            [.. reviews.Select(r => new DigestReview(
                r.Number, r.Source, r.Rating, r.ReceivedAt, r.Categories, SlaPlanner.IsUrgent(r), waiting.Contains(r.Status),
                r.Status != ReviewStatus.NoReplyNeeded, firstResponse.TryGetValue(r.Id, out var at) ? at : null))],
            slots,
            [.. published.Select(r => new DigestReply(r.AuthorMemberId, r.PublishedAt))],
            names));
    }

    public async Task<IReadOnlyList<Stall>> StallsAsync(Practice practice, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var settings = practice.Settings;
        var today = PostingClock.LocalDate(now, PostingDesk.Zone(practice));
        var plan = await db.PostingPlans.SingleOrDefaultAsync(p => p.PracticeId == practice.Id, ct);
        var planOn = plan is { Paused: false, PostsPerWeek: > 0 };

        var since = PostingClock.WeekStart(today).AddDays(-7 * Math.Max(1, settings.StallBelowPlanWeeks));
        var slots = await db.PostingSlots
            .Where(s => s.PracticeId == practice.Id && s.Date >= since && s.Date < today)
            .Select(s => new StallSlot(s.Date, s.Status == SlotStatus.Done))
            .ToListAsync(ct);
        var posts = await db.PostingSlots
            .Where(s => s.PracticeId == practice.Id && s.Status == SlotStatus.Done && s.DoneAt != null)
            .Select(s => s.DoneAt!.Value)
            .ToListAsync(ct);
        var volunteers = await ActiveVolunteersAsync(practice, today, ct);

        var waiting = SlaPlanner.Waiting.ToList();
        var reviews = await db.Reviews.Where(r => r.PracticeId == practice.Id && waiting.Contains(r.Status)).ToListAsync(ct);
        var subjects = reviews.Select(r => $"review:{r.Number}").ToList();
        var touches = (await db.AuditEntries
                .Where(a => a.PracticeId == practice.Id && a.Subject != null && subjects.Contains(a.Subject))
                .Select(a => new { a.Subject, a.At })
                .ToListAsync(ct))
            .GroupBy(a => a.Subject!).ToDictionary(g => g.Key, g => g.Max(a => a.At));
        var sources = await db.SourceSyncs.Where(s => s.PracticeId == practice.Id).Select(s => new StallSource(s.Source, s.LastSuccessAt)).ToListAsync(ct);

        return StallDetector.Detect(
            new StallInputs(
                now,
                today,
                planOn ? plan!.UpdatedAt : null,
                slots,
                posts.Count == 0 ? null : posts.Max(),
                volunteers.Count,
                [.. reviews.Select(r => new StallReview(
                    r.Number,
                    r.ReceivedAt,
                    SlaPlanner.TargetFor(r, settings),
                    r.ClaimedByMemberId,
                    r.Status is ReviewStatus.Claimed or ReviewStatus.Drafted or ReviewStatus.Approved,
                    touches.TryGetValue($"review:{r.Number}", out var touched) && touched > r.ReceivedAt ? touched : r.ReceivedAt))],
                sources),
            settings);
    }

    /// <summary>Volunteers who are not away today.</summary>
    public async Task<List<Member>> ActiveVolunteersAsync(Practice practice, DateOnly today, CancellationToken ct)
    {
        var away = await AwayTodayAsync(practice, today, ct);
        return await db.Members
            .Where(m => m.PracticeId == practice.Id && ((int)m.Roles & (int)Role.Poster) != 0 && !away.Contains(m.Id))
            .OrderBy(m => m.Id)
            .ToListAsync(ct);
    }

    public Task<List<long>> AwayTodayAsync(Practice practice, DateOnly today, CancellationToken ct) =>
        db.PostingAways.Where(a => a.PracticeId == practice.Id && a.From <= today && a.To >= today).Select(a => a.MemberId).ToListAsync(ct);
}
