using System.Globalization;
using PracticeBot.Core.Posting;

namespace PracticeBot.Core.CheckIns;

/// <summary>
/// The week a check-in reports on (pure): the seven local days before the check-in day, and the four weeks before
/// those for trends. <see cref="Key"/> (ISO week of the check-in day, <c>2026-W48</c>) names the check-in so it is sent once.
/// </summary>
public sealed record CheckInWeek(string Key, DateOnly CheckInDate, DateOnly From, DateOnly To, DateTimeOffset FromUtc, DateTimeOffset ToUtc, DateTimeOffset PriorFromUtc)
{
    public const int TrendWeeks = 4;

    public static CheckInWeek For(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var date = PostingClock.LocalDate(instant, zone);
        var from = date.AddDays(-7);
        return new CheckInWeek(
            KeyOf(date),
            date,
            from,
            date,
            PostingClock.ToUtc(from, TimeOnly.MinValue, zone),
            PostingClock.ToUtc(date, TimeOnly.MinValue, zone),
            PostingClock.ToUtc(from.AddDays(-7 * TrendWeeks), TimeOnly.MinValue, zone));
    }

    /// <summary>The key of the check-in a week before this one (the ladder's previous rung).</summary>
    public string PreviousKey => KeyOf(CheckInDate.AddDays(-7));

    public static string KeyOf(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}");
    }
}
