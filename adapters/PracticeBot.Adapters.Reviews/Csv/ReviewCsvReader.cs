using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Adapters.Reviews.Csv;

/// <summary>
/// Reads reviews from CSV (pure, streaming). The header names the columns, in any order, with the webhook's field names:
/// <c>source,externalId,rating,recommendation,author,text,createdAt,url,location,updatedAt,replied</c>; <c>source</c>,
/// <c>externalId</c>, <c>createdAt</c> and one of <c>rating</c>/<c>recommendation</c> are required. A bad line is
/// reported with its number and the reading goes on.
/// </summary>
public static class ReviewCsvReader
{
    public static readonly string[] Columns = ["source", "externalId", "rating", "recommendation", "author", "text", "createdAt", "url", "location", "updatedAt", "replied"];
    public static readonly string[] RequiredColumns = ["source", "externalId", "createdAt"];

    /// <summary>The problem with the header, or null when the columns are usable.</summary>
    public static string? CheckHeader(IReadOnlyList<string> header)
    {
        var missing = RequiredColumns.Where(r => !header.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (!header.Contains("rating", StringComparer.OrdinalIgnoreCase) && !header.Contains("recommendation", StringComparer.OrdinalIgnoreCase))
        {
            missing.Add("rating or recommendation");
        }

        return missing.Count == 0 ? null : $"the header lacks the column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} (expected: {string.Join(",", Columns)})";
    }

    /// <summary>Every data line in order. Throws <see cref="InvalidDataException"/> only when the header itself is unusable.</summary>
    public static IEnumerable<CsvReviewLine> Read(TextReader reader)
    {
        using var records = CsvRecords.Read(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new InvalidDataException("the file is empty: the first line must be the header (" + string.Join(",", Columns) + ")");
        }

        var header = records.Current.Fields.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        if (CheckHeader(header) is { } problem)
        {
            throw new InvalidDataException(problem);
        }

        var index = Columns.ToDictionary(c => c, c => Array.FindIndex(header, h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase)), StringComparer.Ordinal);
        while (records.MoveNext())
        {
            var (line, record, malformed) = records.Current;
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (malformed)
            {
                yield return new CsvReviewLine(line, null, "the line is not valid CSV: a field with commas, quotes or line breaks must be in double quotes, with \"\" for a quote.");
                continue;
            }

            if (record.Count > header.Length)
            {
                yield return new CsvReviewLine(line, null, $"the line has {record.Count} fields but the header has {header.Length}: quote fields that contain commas.");
                continue;
            }

            string? Field(string column) => index[column] is >= 0 and var i && i < record.Count ? record[i] : null;
            var validation = ReviewFieldsValidator.Validate(new ReviewFields(
                Field("source"), Field("externalId"), Field("rating"), Field("recommendation"), Field("author"), Field("text"),
                Field("createdAt"), Field("url"), Field("location"), Field("updatedAt"), Field("replied")));
            yield return validation.Review is { } review
                ? new CsvReviewLine(line, review, null)
                : new CsvReviewLine(line, null, string.Join(" ", validation.Errors.Values));
        }
    }
}
