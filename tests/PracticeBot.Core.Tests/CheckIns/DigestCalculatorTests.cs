using PracticeBot.Core.CheckIns;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;

namespace PracticeBot.Core.Tests.CheckIns;

/// <summary>
/// A hand-computed week for a Chicago practice whose check-in is Monday 30 Nov 2026: the week is Mon 23 – Sun 29 Nov
/// (from 06:00 UTC), the four weeks before start Mon 26 Oct (05:00 UTC, still daylight time).
/// </summary>
public sealed class DigestCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
    private const long Ann = 1;
    private const long Bob = 2;
    private const long Carl = 3;

    [Fact]
    public void Week_MondayCheckIn_CoversTheSevenLocalDaysBefore()
    {
        var week = Week();

        Assert.Equal("2026-W49", week.Key);
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 30)), (week.From, week.To));
        Assert.Equal(T0, week.FromUtc);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 5, 0, 0, TimeSpan.Zero), week.PriorFromUtc);
        Assert.Equal("2026-W48", week.PreviousKey);
    }

    [Fact]
    public void Compute_Fixture_CountsReviewsBySourceWithAveragesAndTrend()
    {
        var digest = DigestCalculator.Compute(Inputs());

        Assert.Equal(5, digest.NewReviews);
        Assert.Equal(3.0, digest.AverageRating);
        Assert.Equal(
            [
                new SourceLine("google", 2, 3.5, 0.75, 4.0),
                new SourceLine("yelp", 2, 2.5, 0.25, 2.0),
                new SourceLine("facebook", 1, null, 0, null),
            ],
            digest.Sources);
    }

    [Fact]
    public void Compute_Fixture_ResponseRateMedianAndTargets()
    {
        var responses = DigestCalculator.Compute(Inputs()).Responses;

        Assert.Equal(new ResponseLine(4, 3, 2, TimeSpan.FromHours(10), 72, 24), responses);
        Assert.Equal(0.75, responses.Rate);
    }

    [Fact]
    public void Compute_Fixture_OpenUrgentOldestFirstWithAge()
    {
        var urgent = DigestCalculator.Compute(Inputs()).OpenUrgent;

        Assert.Equal([new UrgentLine(90, new TimeSpan(47, 9, 0, 0)), new UrgentLine(4, new TimeSpan(4, 9, 0, 0))], urgent);
    }

    [Fact]
    public void Compute_Fixture_TopCategoriesAgainstFourWeeksAndRecurring()
    {
        var categories = DigestCalculator.Compute(Inputs()).Categories;

        Assert.Equal(
            [new CategoryLine("wait-time", 2, 2, true), new CategoryLine("billing", 1, 1, false), new CategoryLine("front-office", 1, 0, false)],
            categories);
    }

    [Fact]
    public void Compute_Fixture_PostsDoneVsPlannedPerNetworkAndThanksByName()
    {
        var digest = DigestCalculator.Compute(Inputs());

        Assert.Equal([new PostLine("facebook", 1, 2), new PostLine("instagram", 1, 1)], digest.Posts);
        Assert.Equal([new ThanksLine("Ann", 2, 1), new ThanksLine("Bob", 1, 1)], digest.Thanks);
    }

    [Fact]
    public void Median_EvenCount_AveragesTheMiddleTwo()
    {
        Assert.Equal(TimeSpan.FromHours(5), DigestCalculator.Median([TimeSpan.FromHours(8), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(6)]));
        Assert.Null(DigestCalculator.Median([]));
    }

    [Fact]
    public void Render_Fixture_ThanksFirstAndCallsOutTheRecurringComplaint()
    {
        var message = DigestCard.Render(DigestCalculator.Compute(Inputs()), "Sunrise");
        var text = PlainTextRenderer.Render(message);

        Assert.Equal("checkin:2026-W49", message.CardKey);
        Assert.Contains("*Thank you* Ann (2 replies, 1 post), Bob (1 reply, 1 post)!", text, StringComparison.Ordinal);
        Assert.Contains("wait-time: 2 this week, 2 in the 4 weeks before — *recurring*, worth an operational look.", text, StringComparison.Ordinal);
        Assert.Contains("3 of 4 answered (75%), median first reply 10 h; 2 within target (72 h, urgent 24 h).", text, StringComparison.Ordinal);
        Assert.Contains("*Posts:* facebook 1 of 2, instagram 1 of 1.", text, StringComparison.Ordinal);
        Assert.Contains("#90 (47 days), #4 (4 days)", text, StringComparison.Ordinal);
    }

    private static CheckInWeek Week() => CheckInWeek.For(Now, TimeZones.Find("America/Chicago"));

    private static DigestInputs Inputs()
    {
        DigestReview Review(int number, string source, int? rating, DateTimeOffset received, string[] categories, bool urgent = false,
            bool waiting = false, bool needsReply = true, double? respondedAfterHours = null) =>
            new(number, source, rating, received, categories, urgent, waiting, needsReply,
                respondedAfterHours is { } h ? received.AddHours(h) : null);

        DigestReview[] reviews =
        [
            Review(1, "google", 5, T0.AddHours(1), [], respondedAfterHours: 10),
            Review(2, "google", 2, T0.AddDays(1), ["wait-time", "front-office"], urgent: true, respondedAfterHours: 30),
            Review(3, "yelp", 4, T0.AddDays(2), ["wait-time"], respondedAfterHours: 4),
            Review(4, "yelp", 1, T0.AddDays(3), ["billing"], urgent: true, waiting: true),
            Review(5, "facebook", null, T0.AddDays(4), [], needsReply: false),
            Review(11, "google", 3, T0.AddDays(-3), ["wait-time"], respondedAfterHours: 1),
            Review(12, "google", 4, T0.AddDays(-10), ["wait-time"]),
            Review(13, "yelp", 2, T0.AddDays(-20), ["billing"]),
            Review(14, "google", 5, T0.AddDays(-27), []),
            Review(80, "google", 1, T0.AddDays(-29), ["billing"]),
            Review(90, "google", 1, T0.AddDays(-40), [], urgent: true, waiting: true),
        ];
        DigestSlot[] slots =
        [
            new(new DateOnly(2026, 11, 22), "facebook", true, Ann),
            new(new DateOnly(2026, 11, 23), "facebook", true, Ann),
            new(new DateOnly(2026, 11, 25), "instagram", true, Bob),
            new(new DateOnly(2026, 11, 27), "facebook", false, null),
            new(new DateOnly(2026, 11, 30), "facebook", true, Bob),
        ];
        DigestReply[] replies =
        [
            new(Ann, T0.AddHours(11)),
            new(Ann, T0.AddDays(3)),
            new(Bob, T0.AddDays(2).AddHours(6)),
            new(Carl, T0.AddHours(-1)),
            new(99, T0.AddHours(2)),
        ];
        return new DigestInputs(Week(), Now, 72, 24, reviews, slots, replies,
            new Dictionary<long, string> { [Ann] = "Ann", [Bob] = "Bob", [Carl] = "Carl" });
    }
}
