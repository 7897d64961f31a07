using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.CheckIns;

/// <summary>
/// Reads what the digest, the chart and the stall rules need from storage, and hands it to the pure calculators.
/// </summary>
/// <remarks>
/// Scoped to one turn, so it reads each thing once per turn: the weekly check-in runs for thousands of practices at
/// once, and it used to make about twenty queries each. The reviews (untracked: the check-in never changes one), the
/// posting slots and the members are read once for the digest, the chart, the stalls and the ladder, each of which
/// then takes its own rows from them in memory.
/// </remarks>
public sealed class CheckInDesk(PracticeBotDb db, TimeProvider time, IChartRenderer? chart = null, PageHealth.PageHealthDesk? pageHealth = null)
{
    private static readonly List<ReviewStatus> Waiting = [.. SlaPlanner.Waiting];

    private Reading? _reading;
    private (long PracticeId, List<Member> Members)? _members;
    private (long PracticeId, DateOnly Today, List<long> Away)? _awayToday;

    /// <summary>
    /// The digest's card, with the chart of the last <see cref="WeeklySeries.ChartWeeks"/> weeks attached as a PNG when
    /// the host registered an <see cref="IChartRenderer"/>.
    /// </summary>
    /// <param name="recordFollowers">The weekly check-in records the Facebook page's follower count for next week's change.</param>
    public async Task<OutboundMessage> DigestMessageAsync(Practice practice, CheckInWeek week, CancellationToken ct, bool recordFollowers = false)
    {
        var digest = await DigestAsync(practice, week, ct);
        var message = DigestCard.Render(digest, practice.Name);
        if (pageHealth is not null && await pageHealth.SectionAsync(practice, week, recordFollowers, ct) is { } page && message.Card is { } card)
        {
            message = message with { Card = new Card([.. card.Blocks.Take(card.Blocks.Count - 1), page, card.Blocks[^1]]) };
        }

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
        var read = await ReadAsync(practice, week, ct);
        var from = ChartFrom(week);
        var fromUtc = PostingClock.ToUtc(from, TimeOnly.MinValue, read.Zone);
        return WeeklySeries.Compute(
            week,
            read.Zone,
            [.. read.Reviews.Where(r => r.ReceivedAt >= fromUtc && r.ReceivedAt < week.ToUtc)
                .Select(r => new DigestReview(r.Number, r.Source, r.Rating, r.ReceivedAt, [], false, false, true, null))],
            [.. read.Slots.Where(s => s.Date >= from && s.Date < week.To)]);
    }

    public static CheckInWeek WeekOf(Practice practice, DateTimeOffset instant) => CheckInWeek.For(instant, PostingDesk.Zone(practice));

    public async Task<WeeklyDigest> DigestAsync(Practice practice, CheckInWeek week, CancellationToken ct)
    {
        var read = await ReadAsync(practice, week, ct);
        var reviews = read.Reviews.Where(r => r.ReceivedAt >= week.PriorFromUtc || SlaPlanner.Waiting.Contains(r.Status)).ToList();
        var ids = reviews.Select(r => r.Id).ToList();
        var published = await CheckInQueries.Published.For(db)(db, practice.Id, ids, week.FromUtc).ListAsync(ct);
        var firstResponse = published.GroupBy(r => r.ReviewId).ToDictionary(g => g.Key, g => g.Min(r => r.PublishedAt));
        var names = (await MembersAsync(practice, ct)).ToDictionary(m => m.Id, m => m.DisplayName is { } name ? OutsideText.Mark(name) : m.Mention);

        return DigestCalculator.Compute(new DigestInputs(
            week,
            time.GetUtcNow(),
            practice.Settings.ResponseTargetHours,
            practice.Settings.UrgentResponseTargetHours,
            [.. reviews.Select(r => new DigestReview(
                r.Number, r.Source, r.Rating, r.ReceivedAt, r.Categories, SlaPlanner.IsUrgent(r), SlaPlanner.Waiting.Contains(r.Status),
                r.Status != ReviewStatus.NoReplyNeeded, firstResponse.TryGetValue(r.Id, out var at) ? at : null))],
            [.. read.Slots.Where(s => s.Date >= week.From && s.Date < week.To)],
            [.. published.Select(r => new DigestReply(r.AuthorMemberId, r.PublishedAt))],
            names));
    }

    public async Task<IReadOnlyList<Stall>> StallsAsync(Practice practice, CheckInWeek week, CancellationToken ct)
    {
        var read = await ReadAsync(practice, week, ct);
        var now = time.GetUtcNow();
        var settings = practice.Settings;
        var today = PostingClock.LocalDate(now, read.Zone);
        var plan = await CheckInQueries.Plan.For(db)(db, practice.Id, ct);
        var planOn = plan is { Paused: false, PostsPerWeek: > 0 };

        var since = StallSince(today, settings);
        var slots = since >= read.SlotsFrom && today <= read.SlotsTo
            ? [.. read.Slots.Where(s => s.Date >= since && s.Date < today).Select(s => new StallSlot(s.Date, s.Done))]
            : await db.PostingSlots
                .Where(s => s.PracticeId == practice.Id && s.Date >= since && s.Date < today)
                .Select(s => new StallSlot(s.Date, s.Status == SlotStatus.Done))
                .ToListAsync(ct);
        var lastPost = await CheckInQueries.LastPost.For(db)(db, practice.Id, ct);
        var volunteers = await ActiveVolunteersAsync(practice, today, ct);

        var reviews = read.Reviews.Where(r => SlaPlanner.Waiting.Contains(r.Status)).ToList();
        var subjects = reviews.Select(r => $"review:{r.Number}").ToList();
        var touches = subjects.Count == 0
            ? []
            : (await CheckInQueries.Touches.For(db)(db, practice.Id, subjects).ListAsync(ct))
                .GroupBy(a => a.Subject).ToDictionary(g => g.Key, g => g.Max(a => a.At));
        var sources = await CheckInQueries.Sources.For(db)(db, practice.Id).ListAsync(ct);

        return StallDetector.Detect(
            new StallInputs(
                now,
                today,
                planOn ? plan!.UpdatedAt : null,
                slots,
                lastPost,
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

    /// <summary>The practice's members, ordered by id (tracked: the same objects the rest of the turn sees), read once a turn.</summary>
    public async Task<IReadOnlyList<Member>> MembersAsync(Practice practice, CancellationToken ct)
    {
        if (_members is not { } known || known.PracticeId != practice.Id)
        {
            known = (practice.Id, await CheckInQueries.Members.For(db)(db, practice.Id).ListAsync(ct));
            _members = known;
        }

        return known.Members;
    }

    /// <summary>Members holding <paramref name="role"/>, ordered by id (as <see cref="ReviewPeople.WithRoleAsync"/>).</summary>
    public async Task<List<Member>> WithRoleAsync(Practice practice, Role role, CancellationToken ct) =>
        [.. (await MembersAsync(practice, ct)).Where(m => (m.Roles & role) != 0)];

    /// <summary>Volunteers who are not away today.</summary>
    public async Task<List<Member>> ActiveVolunteersAsync(Practice practice, DateOnly today, CancellationToken ct)
    {
        var away = await AwayTodayAsync(practice, today, ct);
        return [.. (await WithRoleAsync(practice, Role.Poster, ct)).Where(m => !away.Contains(m.Id))];
    }

    public async Task<List<long>> AwayTodayAsync(Practice practice, DateOnly today, CancellationToken ct)
    {
        if (_awayToday is not { } known || known.PracticeId != practice.Id || known.Today != today)
        {
            known = (practice.Id, today, await CheckInQueries.AwayOn.For(db)(db, practice.Id, today).ListAsync(ct));
            _awayToday = known;
        }

        return known.Away;
    }

    private static DateOnly ChartFrom(CheckInWeek week) => week.From.AddDays(-7 * (WeeklySeries.ChartWeeks - 1));

    private static DateOnly StallSince(DateOnly today, PracticeSettings settings) =>
        PostingClock.WeekStart(today).AddDays(-7 * Math.Max(1, settings.StallBelowPlanWeeks));

    /// <summary>
    /// One read of the reviews and posting slots the digest, the chart and the stall rules look at: reviews received
    /// since the earliest week any of them shows, and every review still waiting; slots from the earliest week to the
    /// latest day.
    /// </summary>
    private async Task<Reading> ReadAsync(Practice practice, CheckInWeek week, CancellationToken ct)
    {
        if (_reading is { } known && known.PracticeId == practice.Id && known.Week == week)
        {
            return known;
        }

        var zone = PostingDesk.Zone(practice);
        var today = PostingClock.LocalDate(time.GetUtcNow(), zone);
        var chartFrom = ChartFrom(week);
        var since = Min(week.PriorFromUtc, PostingClock.ToUtc(chartFrom, TimeOnly.MinValue, zone));
        var reviews = await CheckInQueries.Reviews.For(db)(db, practice.Id, since, Waiting).ListAsync(ct);

        var slotsFrom = Min(Min(chartFrom, week.From), StallSince(today, practice.Settings));
        var slotsTo = Max(week.To, today);
        var slots = await CheckInQueries.Slots.For(db)(db, practice.Id, slotsFrom, slotsTo).ListAsync(ct);

        _reading = new Reading(practice.Id, week, zone, reviews, slots, slotsFrom, slotsTo);
        return _reading;
    }

    private static T Min<T>(T a, T b) where T : IComparable<T> => a.CompareTo(b) <= 0 ? a : b;

    private static T Max<T>(T a, T b) where T : IComparable<T> => a.CompareTo(b) >= 0 ? a : b;

    /// <param name="SlotsFrom">The first day of <paramref name="Slots"/>.</param>
    /// <param name="SlotsTo">The day after the last of <paramref name="Slots"/>.</param>
    private sealed record Reading(
        long PracticeId, CheckInWeek Week, TimeZoneInfo Zone, List<Review> Reviews, List<DigestSlot> Slots, DateOnly SlotsFrom, DateOnly SlotsTo);
}
