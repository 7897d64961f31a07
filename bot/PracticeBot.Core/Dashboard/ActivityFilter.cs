using System.Globalization;

namespace PracticeBot.Core.Dashboard;

/// <summary>The Activity page's filter: a kind of action (its first word: review, posting, member…), who, which days.</summary>
public sealed record ActivityFilter
{
    public const int PageSize = 100;

    public static readonly IReadOnlyList<string> Kinds = ["review", "posting", "member", "practice", "checkin", "dashboard", "source", "command"];

    public string? Kind { get; init; }
    public string? Actor { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Page { get; init; } = 1;

    public static ActivityFilter Parse(Func<string, string?> get, List<string> problems)
    {
        var filter = new ActivityFilter();
        if (get("kind")?.Trim() is { Length: > 0 } kind)
        {
            filter = Kinds.Contains(kind) ? filter with { Kind = kind } : Add(filter, problems, $"Kind must be one of {string.Join(", ", Kinds)}.");
        }

        if (get("actor")?.Trim() is { Length: > 0 } actor)
        {
            filter = filter with { Actor = actor.Length > 100 ? actor[..100] : actor };
        }

        filter = Day(get("from"), "From", problems) is { } from ? filter with { From = from } : filter;
        filter = Day(get("to"), "To", problems) is { } to ? filter with { To = to } : filter;
        if (get("page")?.Trim() is { Length: > 0 } page)
        {
            filter = int.TryParse(page, CultureInfo.InvariantCulture, out var p) && p >= 1 ? filter with { Page = p } : Add(filter, problems, "Page must be a number from 1.");
        }

        return filter;
    }

    public IEnumerable<KeyValuePair<string, string>> ToQuery(bool withPage = true)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        Put(pairs, "kind", Kind);
        Put(pairs, "actor", Actor);
        Put(pairs, "from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Put(pairs, "to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Put(pairs, "page", withPage && Page > 1 ? Page.ToString(CultureInfo.InvariantCulture) : null);
        return pairs;
    }

    private static void Put(List<KeyValuePair<string, string>> pairs, string key, string? value)
    {
        if (value is not null)
        {
            pairs.Add(new(key, value));
        }
    }

    private static ActivityFilter Add(ActivityFilter filter, List<string> problems, string problem)
    {
        problems.Add(problem);
        return filter;
    }

    private static DateOnly? Day(string? value, string name, List<string> problems)
    {
        if (value?.Trim() is not { Length: > 0 } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add($"{name} must be a date like 2026-03-31.");
        return null;
    }
}
