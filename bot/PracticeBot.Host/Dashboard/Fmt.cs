using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace PracticeBot.Host.Dashboard;

/// <summary>How the pages write times, durations, rates and links (invariant culture, the practice's time zone).</summary>
public static class Fmt
{
    public static string Local(DateTimeOffset at, string timeZone) =>
        ReviewCsv.Local(at, PracticeBot.Core.Conversation.Commands.TimeZones.Find(timeZone));

    public static string Duration(TimeSpan? span) => span switch
    {
        null => "—",
        { TotalHours: < 1 } s => $"{(int)s.TotalMinutes} min",
        { TotalHours: < 48 } s => string.Create(CultureInfo.InvariantCulture, $"{s.TotalHours:0.#} h"),
        { } s => string.Create(CultureInfo.InvariantCulture, $"{s.TotalDays:0.#} days"),
    };

    public static string Percent(double? rate) => rate is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r * 100:0}%") : "—";

    public static string Rating(double? rating) => rating is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r:0.00}") : "—";

    public static string Stars(int? rating, string? recommendation) =>
        rating is { } r ? new string('★', r) + new string('☆', 5 - r) : recommendation ?? "—";

    public static string Excerpt(string? text, int max = 140) =>
        text is null ? "" : text.Length <= max ? text : text[..max].TrimEnd() + "…";

    public static string Link(string path, IEnumerable<KeyValuePair<string, string>> query, params (string Key, string Value)[] extra) =>
        QueryHelpers.AddQueryString(path, query.Concat(extra.Select(e => new KeyValuePair<string, string>(e.Key, e.Value)))
            .Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Only http(s) links to a review on its site are made clickable; anything else a source sent is shown as text.</summary>
    public static bool IsWebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
