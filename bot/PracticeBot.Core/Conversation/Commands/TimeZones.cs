namespace PracticeBot.Core.Conversation.Commands;

/// <summary>IANA time zone ids, matched without regard to case (people type <c>america/chicago</c>).</summary>
public static class TimeZones
{
    private static readonly Lazy<Dictionary<string, string>> Known = new(() =>
        TimeZoneInfo.GetSystemTimeZones()
            .Select(z => z.Id)
            .Append("UTC")
            .Where(id => !id.Contains(' ', StringComparison.Ordinal))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(id => id, id => id, StringComparer.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="id"/> names an IANA zone; <paramref name="normalized"/> gets its canonical spelling.</summary>
    public static bool TryNormalize(string id, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return false;
        }

        if (Known.Value.TryGetValue(id.Trim(), out var found))
        {
            normalized = found;
            return true;
        }

        return false;
    }

    public static TimeZoneInfo Find(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
