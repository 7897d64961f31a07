using System.Globalization;

namespace PracticeBot.Core.Posting;

/// <summary>Turns a plan into a week of slots (pure): which days, in which order, on which network.</summary>
public static class PlanShape
{
    public const int MaxPerWeek = 14;

    private static readonly DayOfWeek[] MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>The words <c>posting plan</c> takes for weekdays, besides networks: <c>mon</c> … <c>sun</c>.</summary>
    public static readonly IReadOnlyList<string> WeekdayWords = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>The words <c>posting plan</c> takes for the due time: <c>7am</c> … <c>8pm</c>.</summary>
    public static readonly IReadOnlyList<string> TimeWords =
        [.. Enumerable.Range(7, 14).Select(h => h < 12 ? $"{h}am" : h == 12 ? "12pm" : $"{h - 12}pm")];

    /// <summary>Spread over the working week first: 1 → Wed, 2 → Tue/Thu, 3 → Mon/Wed/Fri, then weekends.</summary>
    public static IReadOnlyList<DayOfWeek> DefaultDays(int perWeek) => Math.Min(perWeek, 7) switch
    {
        <= 0 => [],
        1 => [DayOfWeek.Wednesday],
        2 => [DayOfWeek.Tuesday, DayOfWeek.Thursday],
        3 => [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday],
        4 => [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        5 => [.. MondayFirst[..5]],
        6 => [.. MondayFirst[..6]],
        _ => MondayFirst,
    };

    public static bool TryWeekday(string word, out DayOfWeek day)
    {
        var index = WeekdayWords.ToList().IndexOf(word.ToLowerInvariant());
        day = index < 0 ? default : MondayFirst[index];
        return index >= 0;
    }

    public static bool TryTime(string word, out TimeOnly time)
    {
        var index = TimeWords.ToList().IndexOf(word.ToLowerInvariant());
        time = index < 0 ? default : new TimeOnly(7 + index, 0);
        return index >= 0;
    }

    /// <summary>The week's slots from its Monday: days cycle when there are more posts than days; networks take turns.</summary>
    public static IReadOnlyList<PlannedSlot> Week(DateOnly monday, int perWeek, IReadOnlyList<DayOfWeek> days, IReadOnlyList<string> networks)
    {
        var chosen = (days.Count > 0 ? days : DefaultDays(perWeek)).Distinct().OrderBy(d => ((int)d + 6) % 7).ToList();
        if (chosen.Count == 0)
        {
            return [];
        }

        return
        [
            .. Enumerable.Range(0, perWeek)
                .Select(i => (Date: monday.AddDays(((int)chosen[i % chosen.Count] + 6) % 7), Sequence: i / chosen.Count))
                .OrderBy(s => s.Date).ThenBy(s => s.Sequence)
                .Select((s, i) => new PlannedSlot(s.Date, s.Sequence, networks.Count > 0 ? networks[i % networks.Count] : null)),
        ];
    }

    public static string DayName(DayOfWeek day) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day);

    /// <summary><c>Wed 2 Dec</c>.</summary>
    public static string DateName(DateOnly date) => date.ToString("ddd d MMM", CultureInfo.InvariantCulture);

    public static string TimeName(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>One slot of a week before it is stored.</summary>
public sealed record PlannedSlot(DateOnly Date, int Sequence, string? Network);
