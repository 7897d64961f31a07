using PracticeBot.Core.CheckIns;
using PracticeBot.Core.Conversation.Commands;

namespace PracticeBot.Core.Tests.CheckIns;

/// <summary>
/// The chart's eight weeks for a Chicago practice whose check-in is Monday 30 Nov 2026: Mon 5 Oct – Sun 29 Nov,
/// across the end of daylight time (1 Nov).
/// </summary>
public sealed class WeeklySeriesTests
{
    private static readonly TimeZoneInfo Chicago = TimeZones.Find("America/Chicago");
    private static readonly CheckInWeek Week = CheckInWeek.For(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero), Chicago);

    [Fact]
    public void Compute_ReviewsAndSlots_LandInTheirLocalWeek()
    {
        DigestReview Review(int number, DateTimeOffset at, int? rating) => new(number, "google", rating, at, [], false, false, true, null);
        var reviews = new[]
        {
            Review(1, new(2026, 10, 5, 5, 0, 0, TimeSpan.Zero), 4), // Mon 5 Oct 00:00 CDT: the first week
            Review(2, new(2026, 10, 5, 4, 59, 0, TimeSpan.Zero), 1), // Sun 4 Oct 23:59 CDT: before the chart
            Review(3, new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero), 5), // Sun 29 Nov: the last week
            Review(4, new(2026, 11, 30, 5, 59, 0, TimeSpan.Zero), 2), // Sun 29 Nov 23:59 CST: the last week
            Review(5, new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero), 3), // Mon 30 Nov: the check-in day, not charted
            Review(6, new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero), null),
        };
        var slots = new[]
        {
            new DigestSlot(new DateOnly(2026, 11, 23), "facebook", true, 1),
            new DigestSlot(new DateOnly(2026, 11, 25), null, false, null),
            new DigestSlot(new DateOnly(2026, 11, 29), "instagram", true, 2),
            new DigestSlot(new DateOnly(2026, 11, 30), "instagram", true, 2),
            new DigestSlot(new DateOnly(2026, 10, 11), "facebook", false, null),
        };

        var series = WeeklySeries.Compute(Week, Chicago, reviews, slots);

        Assert.Equal(
            ["Oct 5", "Oct 12", "Oct 19", "Oct 26", "Nov 2", "Nov 9", "Nov 16", "Nov 23"],
            series.Weeks.Select(w => w.Label));
        Assert.Equal(new WeekPoint("Oct 5", 1, 4.0, 0, 1), series.Weeks[0]);
        Assert.Equal(new WeekPoint("Nov 23", 3, 3.5, 2, 3), series.Weeks[^1]);
        Assert.All(series.Weeks.Skip(1).SkipLast(1), w => Assert.Equal(new WeekPoint(w.Label, 0, null, 0, 0), w));
        Assert.Equal("Chart of the last 8 weeks: 4 reviews in all, with their weekly average rating; 2 of 4 planned posts done.", series.AltText());
    }
}
