using System.Globalization;
using System.Text;
using PracticeBot.Adapters.Reviews.Csv;

namespace PracticeBot.Adapters.Reviews.Tests.Csv;

public sealed class ReviewCsvReaderTests
{
    private const string Header = "source,externalId,rating,recommendation,author,text,createdAt,url,location";

    [Fact]
    public void Read_QuotedFieldsWithCommasQuotesAndLineBreaks_KeepsLineNumbersOfEachRecord()
    {
        var csv = Header + "\n" +
                  "google,g-1,2,,\"Doe, J.\",\"Waited \"\"forever\"\",\nthen left.\",2026-11-20T14:03:00Z,,Main St\n" +
                  "yelp,y-1,,negative,Ann,Rude.,2026-11-21T09:00:00Z,https://yelp.com/r/1,\n";

        var lines = ReviewCsvReader.Read(new StringReader(csv)).ToList();

        Assert.Equal([2, 4], lines.Select(l => l.Line));
        Assert.Equal(("Doe, J.", "Waited \"forever\",\nthen left."), (lines[0].Review!.Author, lines[0].Review!.Text));
        Assert.Equal("negative", lines[1].Review!.Recommendation);
    }

    [Fact]
    public void Read_TenThousandLinesWithFiftyBad_YieldsEveryGoodOneAndReportsBadLineNumbers()
    {
        var (csv, bad) = ImportFile.Build(10_000, 50);

        var lines = ReviewCsvReader.Read(new StringReader(csv)).ToList();

        Assert.Equal(10_000, lines.Count);
        Assert.Equal(9_950, lines.Count(l => l.Review is not null));
        Assert.Equal(bad, lines.Where(l => l.Review is null).Select(l => l.Line));
        Assert.All(lines.Where(l => l.Review is null), l => Assert.False(string.IsNullOrWhiteSpace(l.Problem)));
    }

    [Theory]
    [InlineData("source,text,createdAt", "externalId, rating or recommendation")]
    [InlineData("", "externalId")]
    public void Read_UnusableHeader_ThrowsNamingMissingColumns(string header, string missing)
    {
        var ex = Assert.Throws<InvalidDataException>(() => ReviewCsvReader.Read(new StringReader(header + "\n")).ToList());
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }
}

/// <summary>A review CSV of realistic size with bad lines of every kind spread through it.</summary>
public static class ImportFile
{
    public static (string Csv, List<int> BadLines) Build(int lines, int bad)
    {
        var text = new StringBuilder("source,externalId,rating,recommendation,author,text,createdAt,url,location\n");
        var badLines = new List<int>();
        string[] kinds =
        [
            "healthgrades,hg-{0},7,,A. B.,Too many stars,2026-11-20T14:03:00Z,,",
            "healthgrades,,4,,A. B.,No id,2026-11-20T14:03:00Z,,",
            "healthgrades,hg-{0},4,,A. B.,Bad date,20th of November,,",
            "healthgrades,hg-{0},,,A. B.,No rating,2026-11-20T14:03:00Z,,",
            "healthgrades,hg-{0},4,,A. B.,Bad \"quote\" here,2026-11-20T14:03:00Z,,",
            "healthgrades,hg-{0},4,,A. B.,Bad url,2026-11-20T14:03:00Z,ftp://x,",
        ];
        var step = lines / bad;
        for (var i = 0; i < lines; i++)
        {
            var line = i + 2;
            if (i % step == step / 2 && badLines.Count < bad)
            {
                text.AppendFormat(CultureInfo.InvariantCulture, kinds[badLines.Count % kinds.Length], i).Append('\n');
                badLines.Add(line);
            }
            else
            {
                text.AppendFormat(CultureInfo.InvariantCulture,
                    "healthgrades,hg-{0},{1},,Patient {0},\"Visit {0}, all fine.\",2026-{2:00}-{3:00}T10:00:00Z,https://www.healthgrades.com/r/{0},Main St\n",
                    i, 1 + i % 5, 1 + i % 12, 1 + i % 28);
            }
        }

        return (text.ToString(), badLines);
    }
}
