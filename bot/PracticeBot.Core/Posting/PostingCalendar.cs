using System.Globalization;
using System.Text;
using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Posting;

/// <summary>
/// The practice's posting slots as an RFC 5545 iCalendar feed (pure): one event per slot at its due time, in UTC so
/// no VTIMEZONE is needed; CRLF line ends, text escaped, lines folded at 75 octets.
/// </summary>
public static class PostingCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public static readonly TimeSpan EventLength = TimeSpan.FromMinutes(30);
    private const int MaxOctets = 75;

    public static string Render(Practice practice, PostingPlan plan, IReadOnlyList<PostingSlot> slots, IReadOnlyDictionary<long, Member> members, DateTimeOffset now)
    {
        var zone = PostingDesk.Zone(practice);
        var text = new StringBuilder();
        Line(text, "BEGIN", "VCALENDAR");
        Line(text, "VERSION", "2.0");
        Line(text, "PRODID", "-//PracticeBot//Posting duties//EN");
        Line(text, "CALSCALE", "GREGORIAN");
        Line(text, "METHOD", "PUBLISH");
        Line(text, "X-WR-CALNAME", Escape($"{practice.Name} — posting duties"));
        foreach (var slot in slots.OrderBy(s => s.Date).ThenBy(s => s.Sequence))
        {
            var start = PostingClock.DueAt(slot.Date, plan.DueLocalTime, zone);
            var who = slot.AssigneeMemberId is { } id && members.TryGetValue(id, out var member) ? member.DisplayName ?? member.UserId : "nobody yet";
            Line(text, "BEGIN", "VEVENT");
            Line(text, "UID", $"posting-slot-{slot.Id}-{practice.Id}@practicebot");
            Line(text, "DTSTAMP", Utc(now));
            Line(text, "DTSTART", Utc(start));
            Line(text, "DTEND", Utc(start + EventLength));
            Line(text, "SUMMARY", Escape($"Post{PostingTexts.On(slot.Network)}: {who}{Suffix(slot.Status)}"));
            Line(text, "DESCRIPTION", Escape(Description(slot)));
            Line(text, "STATUS", slot.Status is SlotStatus.Missed ? "CANCELLED" : "CONFIRMED");
            Line(text, "TRANSP", "TRANSPARENT");
            Line(text, "END", "VEVENT");
        }

        Line(text, "END", "VCALENDAR");
        return text.ToString();
    }

    /// <summary>TEXT escaping of RFC 5545 §3.3.11.</summary>
    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Description(PostingSlot slot) => slot.Status switch
    {
        SlotStatus.Done => $"Posted{(slot.PostUrl is null ? "" : ": " + slot.PostUrl)}. Thank you!",
        SlotStatus.Missed => "Missed.",
        _ => "When it's up, tell PracticeBot: posting done <link>. Can't make it? posting skip or posting swap @teammate.",
    };

    private static string Suffix(SlotStatus status) => status switch
    {
        SlotStatus.Done => " (posted)",
        SlotStatus.Missed => " (missed)",
        _ => "",
    };

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes one content line, folded so no physical line exceeds 75 octets (never inside a UTF-8 sequence).</summary>
    private static void Line(StringBuilder text, string name, string value)
    {
        var line = $"{name}:{value}";
        var octets = 0;
        var limit = MaxOctets;
        var index = 0;
        while (index < line.Length)
        {
            var length = char.IsSurrogatePair(line, index) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(index, length));
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1; // the continuation's leading space counts
            }

            text.Append(line, index, length);
            octets += size;
            index += length;
        }

        text.Append("\r\n");
    }
}
