using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Reviews.Sources;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Reviews;

/// <summary>The CSV import into a real database: bad lines are reported by number and never stop the rest.</summary>
public sealed class ReviewImportTests
{
    [Fact]
    public async Task Import_TenThousandLinesWithFiftyBad_ImportsTheRestAndReportsEachBadLine()
    {
        using var file = new TempDatabaseFile();
        await using var factory = new BotFactory(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false")));
        var dispatcher = factory.Services.GetRequiredService<BotDispatcher>();
        await dispatcher.DispatchAsync(new CommandReceived(
            new ConversationReference(Platforms.Slack, "T1", "C1"), new ChatUser("U-owner", "Owner"), "practice", "setup \"Sunrise Family Medicine\" America/Chicago"));
        var (csv, bad) = Build(10_000, 50);
        var importer = new ReviewImporter(factory.Services.GetRequiredService<IServiceScopeFactory>());
        var practice = (await importer.FindPracticeAsync("Sunrise Family Medicine", CancellationToken.None))!;
        var progress = new List<int>();

        var report = await importer.ImportAsync(new StringReader(csv), practice, "reviews.csv", progress.Add, CancellationToken.None);
        var again = await importer.ImportAsync(new StringReader(csv), practice, "reviews.csv", null, CancellationToken.None);

        Assert.Equal((10_000, 9_950, 0, 50), (report.Lines, report.Created, report.Updated, report.Skipped.Count));
        Assert.Equal(bad, report.Skipped.Select(s => s.Line));
        Assert.All(report.Skipped, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
        Assert.Equal((0, 9_950), (again.Created, again.Unchanged));
        Assert.True(progress.Count >= 19);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        Assert.Equal(9_950, await db.Reviews.CountAsync());
        Assert.Equal(9_950, await db.Reviews.MaxAsync(r => r.Number));
        Assert.Equal(0, await db.Outbox.CountAsync(o => o.CardKey != null)); // history is stored, not posted
    }

    private static (string Csv, List<int> BadLines) Build(int lines, int bad)
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
        ];
        var step = lines / bad;
        for (var i = 0; i < lines; i++)
        {
            if (i % step == step / 2 && badLines.Count < bad)
            {
                text.AppendFormat(CultureInfo.InvariantCulture, kinds[badLines.Count % kinds.Length], i).Append('\n');
                badLines.Add(i + 2);
            }
            else
            {
                text.AppendFormat(CultureInfo.InvariantCulture,
                    "healthgrades,hg-{0},{1},,Patient {0},\"Visit {0}, the wait was long.\",2026-{2:00}-{3:00}T10:00:00Z,,Main St\n",
                    i, 1 + i % 5, 1 + i % 12, 1 + i % 28);
            }
        }

        return (text.ToString(), badLines);
    }
}
