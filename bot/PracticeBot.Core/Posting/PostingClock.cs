namespace PracticeBot.Core.Posting;

/// <summary>
/// When things happen, in the practice's time zone (pure). Local times that do not exist (the hour skipped when
/// clocks go forward) move forward by the gap; local times that happen twice (clocks go back) mean the first.
/// </summary>
public static class PostingClock
{
    /// <summary>The morning reminder's local time, unless the duty is due earlier than that.</summary>
    public static readonly TimeOnly MorningReminderTime = new(8, 0);

    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Clocks went forward over this time: the same moment read with the offset from before the gap.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local - before, TimeSpan.Zero);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The local time of the morning reminder: 08:00, or an hour before the duty when it is due by then.</summary>
    public static TimeOnly ReminderTime(TimeOnly due) => due <= MorningReminderTime.AddHours(1) ? due.AddHours(-1) : MorningReminderTime;

    public static DateTimeOffset DueAt(DateOnly date, TimeOnly due, TimeZoneInfo zone) => ToUtc(date, due, zone);

    /// <summary>The reminder the day before the slot, at the same local time as the morning reminder.</summary>
    public static DateTimeOffset DayBeforeReminderAt(DateOnly date, TimeOnly due, TimeZoneInfo zone) =>
        ToUtc(date.AddDays(-1), ReminderTime(due), zone);

    public static DateTimeOffset MorningReminderAt(DateOnly date, TimeOnly due, TimeZoneInfo zone) => ToUtc(date, ReminderTime(due), zone);

    /// <summary>A slot still open at its due time the next day (local, so 23 or 25 hours across a clock change) is missed.</summary>
    public static DateTimeOffset MissedAt(DateOnly date, TimeOnly due, TimeZoneInfo zone) => DueAt(date.AddDays(1), due, zone);

    /// <summary>The Monday that starts the week after <paramref name="today"/>'s week.</summary>
    public static DateOnly NextWeekStart(DateOnly today) => WeekStart(today).AddDays(7);

    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
