using System.Globalization;
using CsvHelper;
using PracticeBot.Core.Dashboard;

namespace PracticeBot.Host.Dashboard;

/// <summary>
/// The Reviews export (RFC 4180, UTF-8 with a byte order mark so spreadsheets read it as such). A cell that a spreadsheet
/// would run as a formula (it starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR) gets a leading apostrophe
/// (<see cref="CsvInjection.Escape"/>): review text is written by strangers.
/// </summary>
public static class ReviewCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly IReadOnlyList<string> Header =
        ["number", "received", "source", "rating", "recommendation", "status", "category", "urgent", "claimed_by", "first_reply", "author", "text", "url"];

    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    public static byte[] Write(IReadOnlyList<ReviewRow> rows, TimeZoneInfo zone)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            csv.WriteHeader([.. Header]);
            foreach (var r in rows)
            {
                csv.WriteRecord(
                [
                    r.Number.ToString(CultureInfo.InvariantCulture),
                    Local(r.ReceivedAt, zone),
                    r.Source,
                    r.Rating?.ToString(CultureInfo.InvariantCulture) ?? "",
                    r.Recommendation ?? "",
                    r.Status.ToString(),
                    r.Category ?? "",
                    r.Urgent ? "yes" : "no",
                    r.ClaimedBy ?? "",
                    r.FirstReplyAt is { } at ? Local(at, zone) : "",
                    r.Author ?? "",
                    r.Text ?? "",
                    r.Url ?? "",
                ]);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The practice's local time, as the pages show it.</summary>
    public static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
