using System.Globalization;
using PracticeBot.Core.Conversation.Messages;

namespace PracticeBot.Core.Practices.Settings;

/// <summary>Reading the values people type for settings: durations (<c>72h</c>, <c>14d</c>), times, days.</summary>
public static class SettingValues
{
    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "h:mmtt", "htt"];

    /// <summary>The words of a value, lower-cased, commas and extra spaces dropped.</summary>
    public static List<string> Words(string value) =>
        [.. value.Split([' ', '\t', '\n', ','], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant())];

    /// <summary>
    /// A duration with its unit: <c>10m</c>, <c>72h</c>, <c>14d</c>, <c>2w</c> (also <c>10 min</c> spelled as one word,
    /// <c>3days</c>). A bare number is read in <paramref name="bareUnit"/> when given, else refused.
    /// </summary>
    public static bool TryDuration(string word, out TimeSpan duration, char? bareUnit = null)
    {
        duration = default;
        var digits = new string([.. word.TakeWhile(char.IsAsciiDigit)]);
        var unit = word[digits.Length..].ToLowerInvariant();
        if (digits.Length is 0 or > 5 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        var letter = unit.Length == 0 ? bareUnit : unit switch
        {
            "m" or "min" or "mins" or "minute" or "minutes" => 'm',
            "h" or "hr" or "hrs" or "hour" or "hours" => 'h',
            "d" or "day" or "days" => 'd',
            "w" or "wk" or "wks" or "week" or "weeks" => 'w',
            _ => null,
        };
        duration = letter switch
        {
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            'w' => TimeSpan.FromDays(7 * n),
            _ => TimeSpan.MinValue,
        };
        return duration != TimeSpan.MinValue;
    }

    /// <summary>A local time of day: <c>19:00</c>, <c>7:30</c>, <c>7pm</c>.</summary>
    public static bool TryTime(string word, out TimeOnly at) =>
        TimeOnly.TryParseExact(word, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);

    /// <summary>A weekday, whole or from its first three letters: <c>monday</c>, <c>Fri</c>.</summary>
    public static bool TryDay(string word, out DayOfWeek day)
    {
        var match = Enum.GetValues<DayOfWeek>().Where(d =>
            d.ToString().Equals(word, StringComparison.OrdinalIgnoreCase) ||
            (word.Length >= 3 && d.ToString().StartsWith(word, StringComparison.OrdinalIgnoreCase))).ToList();
        day = match.Count == 1 ? match[0] : default;
        return match.Count == 1;
    }

    /// <summary>A whole number in a range: <c>3</c>.</summary>
    public static bool TryCount(string word, int min, int max, out int count) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= min && count <= max;

    /// <summary><c>72 h</c>, <c>14 days</c>, <c>1 week</c>: a duration the way the card shows it.</summary>
    public static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    public static string Weeks(int weeks) => weeks == 1 ? "1 week" : $"{weeks} weeks";

    /// <summary>The value as typed, shortened and marked as outside text, for an answer that echoes it.</summary>
    public static string Typed(string value) =>
        OutsideText.Mark((value.Length <= 40 ? value : value[..40] + "…").Replace("`", "'", StringComparison.Ordinal));
}
