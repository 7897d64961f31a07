using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using PracticeBot.Core.Reviews;

namespace PracticeBot.Host.Tests.Dashboard;

/// <summary>The overview's figures for a seeded practice, each computed here from the seed, not by the host's code.</summary>
public sealed partial class DashboardOverviewTests
{
    private static readonly string[] Sources = ["google", "yelp", "facebook"];
    private static readonly ReviewStatus[] Statuses =
        [ReviewStatus.New, ReviewStatus.Claimed, ReviewStatus.Escalated, ReviewStatus.Replied, ReviewStatus.Resolved, ReviewStatus.NoReplyNeeded];

    private static readonly ReviewStatus[] Waiting =
        [ReviewStatus.New, ReviewStatus.Claimed, ReviewStatus.Drafted, ReviewStatus.AwaitingApproval, ReviewStatus.Approved, ReviewStatus.Escalated];

    [Fact]
    public async Task Overview_SeededPractice_ShowsTheFiguresComputedFromTheSeed()
    {
        await using var world = DashboardWorld.OnSqlite();
        var practice = await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        var author = await world.AddMemberAsync(practice, "U-resp", "Remy", Core.Practices.Role.Responder);
        var now = DashboardWorld.Start;
        var random = new Random(42);
        var seeded = Enumerable.Range(1, 400).Select(n =>
        {
            var received = now.AddHours(-random.Next(1, 400 * 24));
            var status = Statuses[random.Next(Statuses.Length)];
            var delay = random.Next(3) > 0 ? TimeSpan.FromHours(random.Next(1, 41)) : (TimeSpan?)null;
            var replied = delay is { } d && received + d <= now ? received + d : (DateTimeOffset?)null;
            return (Number: n, Source: Sources[random.Next(Sources.Length)], Rating: random.Next(1, 6), Received: received, Status: status, Replied: replied);
        }).ToList();
        await world.SeedAsync(db => db.Reviews.AddRange(seeded.Select(s => DashboardWorld.NewReview(practice, s.Number, s.Source, s.Rating, s.Received, s.Status, "text"))));
        await world.SeedAsync(db =>
        {
            var ids = db.Reviews.Where(r => r.PracticeId == practice).ToDictionary(r => r.Number, r => r.Id);
            db.ReviewReplies.AddRange(seeded.Where(s => s.Replied is not null).Select(s => new ReviewReply
            {
                PracticeId = practice,
                ReviewId = ids[s.Number],
                AuthorMemberId = author,
                Text = "Thank you",
                Status = ReplyStatus.Published,
                CreatedAt = s.Replied!.Value,
                UpdatedAt = s.Replied.Value,
                PublishedAt = s.Replied,
            }));
        });
        var browser = await world.SignedInAsync("a", "U-mgr");

        var (status, body) = await DashboardWorld.GetAsync(browser, $"/dashboard/p/{practice}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<span class=\"figure\" id=\"open-total\">{seeded.Count(s => Waiting.Contains(s.Status))}</span>", body, StringComparison.Ordinal);
        foreach (var days in new[] { 7, 28, 365 })
        {
            var needing = seeded.Where(s => s.Received >= now.AddDays(-days) && s.Status != ReviewStatus.NoReplyNeeded).ToList();
            var times = needing.Where(s => s.Replied is not null).Select(s => (s.Replied!.Value - s.Received, Urgent: s.Rating <= 2)).ToList();
            var within = times.Count(t => t.Item1 <= TimeSpan.FromHours(t.Urgent ? 24 : 72));
            var sorted = times.Select(t => t.Item1.TotalHours).Order().ToList();
            var median = sorted.Count == 0 ? (double?)null
                : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
            var row = ResponseRow(body, days);
            Assert.Equal(needing.Count.ToString(CultureInfo.InvariantCulture), row[0]);
            Assert.Equal(Percent(times.Count, needing.Count) + $" ({times.Count})", row[1]);
            Assert.Equal(Percent(within, needing.Count) + $" ({within})", row[2]);
            Assert.Equal(median is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m:0.#} h") : "—", row[3]);
        }

        foreach (var source in Sources)
        {
            var lastYear = seeded.Where(s => s.Source == source && s.Received >= now.AddDays(-365)).ToList();
            var average = lastYear.Average(s => (double)s.Rating).ToString("0.00", CultureInfo.InvariantCulture);
            Assert.Contains($"<tr><td>{source}</td><td class=\"num\">{lastYear.Count}</td><td class=\"num\">{average}</td></tr>", body, StringComparison.Ordinal);
        }

        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var thisMonth = TimeZoneInfo.ConvertTime(now, chicago);
        var month = new DateTime(thisMonth.Year, thisMonth.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(-3);
        var inMonth = seeded.Count(s => TimeZoneInfo.ConvertTime(s.Received, chicago) is var local && local.Year == month.Year && local.Month == month.Month);
        Assert.Contains($"<tr><td>{month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}</td><td class=\"num\">{inMonth}</td>", body, StringComparison.Ordinal);
        Assert.Contains("<title id=\"trend-chart-t\">", body, StringComparison.Ordinal);
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0}%");

    private static List<string> ResponseRow(string body, int days)
    {
        var row = ResponseRowPattern().Matches(body).Single(m => m.Groups[1].Value == days.ToString(CultureInfo.InvariantCulture)).Groups[2].Value;
        return [.. CellPattern().Matches(row).Skip(1).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim())];
    }

    [GeneratedRegex(@"<tr data-days=""(\d+)"">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex ResponseRowPattern();

    [GeneratedRegex(@"<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();
}
