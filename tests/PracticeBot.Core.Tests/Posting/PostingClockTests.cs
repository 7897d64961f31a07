using PracticeBot.Core.Posting;

namespace PracticeBot.Core.Tests.Posting;

/// <summary>Reminders at the right local time on both sides of daylight-saving changes, north and south.</summary>
public sealed class PostingClockTests
{
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    private static readonly TimeZoneInfo Sydney = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");
    private static readonly TimeOnly Noon = new(12, 0);

    public static TheoryData<string, string, bool, string> Reminders => new()
    {
        // Los Angeles: clocks go forward on 8 Mar 2026 and back on 1 Nov 2026; reminders stay at 08:00 local.
        { "America/Los_Angeles", "2026-03-06", false, "2026-03-06T16:00:00Z" },
        { "America/Los_Angeles", "2026-03-09", false, "2026-03-09T15:00:00Z" },
        { "America/Los_Angeles", "2026-03-08", true, "2026-03-07T16:00:00Z" },
        { "America/Los_Angeles", "2026-03-09", true, "2026-03-08T15:00:00Z" },
        { "America/Los_Angeles", "2026-10-30", false, "2026-10-30T15:00:00Z" },
        { "America/Los_Angeles", "2026-11-02", true, "2026-11-01T16:00:00Z" },
        { "America/Los_Angeles", "2026-11-02", false, "2026-11-02T16:00:00Z" },
        // Sydney: clocks go back on 5 Apr 2026 and forward on 4 Oct 2026.
        { "Australia/Sydney", "2026-04-03", false, "2026-04-02T21:00:00Z" },
        { "Australia/Sydney", "2026-04-06", true, "2026-04-04T22:00:00Z" },
        { "Australia/Sydney", "2026-04-06", false, "2026-04-05T22:00:00Z" },
        { "Australia/Sydney", "2026-10-02", false, "2026-10-01T22:00:00Z" },
        { "Australia/Sydney", "2026-10-05", true, "2026-10-03T21:00:00Z" },
        { "Australia/Sydney", "2026-10-05", false, "2026-10-04T21:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(Reminders))]
    public void ReminderAt_AcrossDaylightSaving_IsEightInTheMorningLocal(string zoneId, string slotDate, bool dayBefore, string expectedUtc)
    {
        // Arrange
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var date = DateOnly.Parse(slotDate, System.Globalization.CultureInfo.InvariantCulture);

        // Act
        var at = dayBefore ? PostingClock.DayBeforeReminderAt(date, Noon, zone) : PostingClock.MorningReminderAt(date, Noon, zone);

        // Assert
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), at);
        Assert.Equal(new TimeOnly(8, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime));
    }

    [Fact]
    public void ToUtc_TimeSkippedWhenClocksGoForward_MovesForwardByTheGap()
    {
        // Act
        var losAngeles = PostingClock.ToUtc(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), LosAngeles);
        var sydney = PostingClock.ToUtc(new DateOnly(2026, 10, 4), new TimeOnly(2, 30), Sydney);

        // Assert: 03:30 local, just after the gap.
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 10, 30, 0, TimeSpan.Zero), losAngeles);
        Assert.Equal(new DateTimeOffset(2026, 10, 3, 16, 30, 0, TimeSpan.Zero), sydney);
    }

    [Fact]
    public void ToUtc_TimeThatHappensTwice_MeansTheFirst()
    {
        // Act
        var losAngeles = PostingClock.ToUtc(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), LosAngeles);
        var sydney = PostingClock.ToUtc(new DateOnly(2026, 4, 5), new TimeOnly(2, 30), Sydney);

        // Assert
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 8, 30, 0, TimeSpan.Zero), losAngeles);
        Assert.Equal(new DateTimeOffset(2026, 4, 4, 15, 30, 0, TimeSpan.Zero), sydney);
    }

    [Fact]
    public void MissedAt_SlotBeforeClocksGoBack_IsADayAfterTheDueTimeLocal()
    {
        // Act: due Saturday 31 Oct 12:00 PDT; missed at Sunday 1 Nov 12:00 PST, 25 hours later.
        var missed = PostingClock.MissedAt(new DateOnly(2026, 10, 31), Noon, LosAngeles);

        // Assert
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 20, 0, 0, TimeSpan.Zero), missed);
    }

    [Theory]
    [InlineData("12:00", "08:00")]
    [InlineData("09:30", "08:00")]
    [InlineData("09:00", "08:00")]
    [InlineData("08:00", "07:00")]
    [InlineData("07:30", "06:30")]
    public void ReminderTime_DueEarly_IsAnHourBefore(string due, string expected)
    {
        // Act
        var time = PostingClock.ReminderTime(TimeOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture));

        // Assert
        Assert.Equal(TimeOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), time);
    }

    [Theory]
    [InlineData("2026-11-23", "2026-11-30")]
    [InlineData("2026-11-27", "2026-11-30")]
    [InlineData("2026-11-29", "2026-11-30")]
    public void NextWeekStart_AnyDayOfTheWeek_IsTheFollowingMonday(string today, string monday)
    {
        // Act
        var next = PostingClock.NextWeekStart(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        // Assert
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), next);
    }
}
