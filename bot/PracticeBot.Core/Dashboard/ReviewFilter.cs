using System.Globalization;
using PracticeBot.Core.Reviews;

namespace PracticeBot.Core.Dashboard;

/// <summary>
/// The Reviews page's filter, as its query string carries it (so a filtered page can be bookmarked and the export
/// takes the same filter). Dates are the practice's local days, both ends included.
/// </summary>
public sealed record ReviewFilter
{
    public const int PageSize = 50;

    /// <summary>Value of <see cref="ClaimedBy"/> for reviews nobody has claimed.</summary>
    public const long Nobody = 0;

    public string? Source { get; init; }
    public int? Stars { get; init; }
    public ReviewStatus? Status { get; init; }
    public string? Category { get; init; }
    public long? ClaimedBy { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Search { get; init; }
    public ReviewSort Sort { get; init; }
    public int Page { get; init; } = 1;

    /// <summary>
    /// Reads the query string's values. A value that does not parse is left out of the filter and named in
    /// <paramref name="problems"/>, so the page can say what it ignored instead of failing.
    /// </summary>
    public static ReviewFilter Parse(Func<string, string?> get, List<string> problems)
    {
        var filter = new ReviewFilter
        {
            Source = Text(get("source"), 32),
            Category = Text(get("category"), 64),
            Search = Text(get("q"), 200),
        };

        if (Text(get("stars"), 2) is { } stars)
        {
            filter = int.TryParse(stars, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 5
                ? filter with { Stars = n }
                : Problem(filter, problems, "Stars must be a number from 1 to 5.");
        }

        if (Text(get("status"), 32) is { } status)
        {
            filter = Enum.TryParse<ReviewStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _)
                ? filter with { Status = s }
                : Problem(filter, problems, $"Unknown status; use one of {string.Join(", ", Enum.GetNames<ReviewStatus>())}.");
        }

        if (Text(get("claimedBy"), 20) is { } claimed)
        {
            filter = claimed == "nobody" ? filter with { ClaimedBy = Nobody }
                : long.TryParse(claimed, CultureInfo.InvariantCulture, out var id) && id > 0 ? filter with { ClaimedBy = id }
                : Problem(filter, problems, "Claimed by: pick a person from the list.");
        }

        filter = Date(get("from"), "From", problems) is { } from ? filter with { From = from } : filter;
        filter = Date(get("to"), "To", problems) is { } to ? filter with { To = to } : filter;
        if (Text(get("sort"), 20) is { } sort)
        {
            filter = Enum.TryParse<ReviewSort>(sort, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(sort, out _)
                ? filter with { Sort = s }
                : Problem(filter, problems, "Unknown sort order; showing the newest first.");
        }

        if (Text(get("page"), 9) is { } page)
        {
            filter = int.TryParse(page, CultureInfo.InvariantCulture, out var p) && p >= 1
                ? filter with { Page = p }
                : Problem(filter, problems, "Page must be a number from 1.");
        }

        return filter;
    }

    /// <summary>The filter as query-string pairs (page left out unless asked), for links that keep it.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToQuery(bool withPage = true, bool withSort = true)
    {
        if (Source is not null) { yield return new("source", Source); }
        if (Stars is { } stars) { yield return new("stars", stars.ToString(CultureInfo.InvariantCulture)); }
        if (Status is { } status) { yield return new("status", status.ToString()); }
        if (Category is not null) { yield return new("category", Category); }
        if (ClaimedBy is { } claimed) { yield return new("claimedBy", claimed == Nobody ? "nobody" : claimed.ToString(CultureInfo.InvariantCulture)); }
        if (From is { } from) { yield return new("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); }
        if (To is { } to) { yield return new("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); }
        if (Search is not null) { yield return new("q", Search); }
        if (withSort && Sort != ReviewSort.Newest) { yield return new("sort", Sort.ToString()); }
        if (withPage && Page > 1) { yield return new("page", Page.ToString(CultureInfo.InvariantCulture)); }
    }

    private static ReviewFilter Problem(ReviewFilter filter, List<string> problems, string problem)
    {
        problems.Add(problem);
        return filter;
    }

    private static DateOnly? Date(string? value, string name, List<string> problems)
    {
        if (Text(value, 10) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"{name} must be a date like 2026-03-31.");
        return null;
    }

    private static string? Text(string? value, int max)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > max ? trimmed[..max] : trimmed;
    }
}
