using System.Globalization;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Reviews;

namespace PracticeBot.Core.CheckIns;

/// <summary>Renders a digest as a neutral card (pure): short, specific, and thanking people by name.</summary>
public static class DigestCard
{
    public static OutboundMessage Render(WeeklyDigest digest, string practiceName)
    {
        var title = $"{practiceName} — weekly check-in ({Day(digest.Week.From)}–{Day(digest.Week.To.AddDays(-1))})";
        var blocks = new List<CardBlock>
        {
            new HeaderBlock(title),
            new SectionBlock(Thanks(digest)),
            new SectionBlock(Reviews(digest)),
            new SectionBlock(Responses(digest.Responses)),
        };
        if (digest.OpenUrgent.Count > 0)
        {
            blocks.Add(new SectionBlock("*Urgent and still open:* " + string.Join(", ",
                digest.OpenUrgent.Select(u => $"#{u.Number} ({StallDetector.Ago(u.Age)})")) + ". `review` lists them."));
        }

        if (digest.Categories.Count > 0)
        {
            blocks.Add(new SectionBlock(Complaints(digest.Categories)));
        }

        blocks.Add(new SectionBlock(Posts(digest.Posts)));
        blocks.Add(new ContextBlock(["`practice digest` shows this to you any time."]));
        return new OutboundMessage(title, new Card(blocks), CardKey: $"checkin:{digest.Week.Key}");
    }

    private static string Thanks(WeeklyDigest digest) => digest.Thanks.Count == 0
        ? "Nobody replied to a review or posted this week. One reply or one post gets things moving again."
        : "*Thank you* " + string.Join(", ", digest.Thanks.Select(t => $"{t.Name} ({Work(t)})")) + "!";

    private static string Work(ThanksLine line)
    {
        var parts = new List<string>();
        if (line.Replies > 0)
        {
            parts.Add(Count(line.Replies, "reply", "replies"));
        }

        if (line.Posts > 0)
        {
            parts.Add(Count(line.Posts, "post", "posts"));
        }

        return string.Join(", ", parts);
    }

    private static string Reviews(WeeklyDigest digest)
    {
        var head = digest.NewReviews == 0
            ? "*Reviews:* none new this week."
            : $"*Reviews:* {Count(digest.NewReviews, "new review", "new reviews")}" + (digest.AverageRating is { } avg ? $", average {Stars(avg)}." : ".");
        var lines = digest.Sources.Select(s =>
            $"• {ReviewCards.SourceName(s.Source)}: {s.Count}" + (s.AverageRating is { } a ? $" ({Stars(a)})" : "") +
            $" — usually {Number(s.PriorWeeklyCount)}/week" + (s.PriorAverageRating is { } p ? $" at {Stars(p)}" + Trend(s.AverageRating, p) : ""));
        return string.Join("\n", [head, .. lines]);
    }

    private static string Trend(double? now, double before) => now switch
    {
        null => "",
        _ when now > before + 0.05 => " ↑",
        _ when now < before - 0.05 => " ↓",
        _ => " →",
    };

    private static string Responses(ResponseLine r)
    {
        if (r.NeedingReply == 0)
        {
            return "*Responses:* no new review needed a reply.";
        }

        var median = r.MedianFirstResponse is { } m ? $", median first reply {StallDetector.Ago(m)}" : "";
        return $"*Responses:* {r.Responded} of {r.NeedingReply} answered ({Percent(r.Rate!.Value)}){median}; " +
            $"{r.WithinTarget} within target ({r.TargetHours} h, urgent {r.UrgentTargetHours} h).";
    }

    private static string Complaints(IReadOnlyList<CategoryLine> categories)
    {
        var lines = categories.Select(c => $"• {c.Category}: {c.ThisWeek} this week, {c.PriorWeeks} in the 4 weeks before" +
            (c.Recurring ? " — *recurring*, worth an operational look." : ""));
        return string.Join("\n", ["*Complaints:*", .. lines]);
    }

    private static string Posts(IReadOnlyList<PostLine> posts) => posts.Count == 0
        ? "*Posts:* none were planned this week."
        : "*Posts:* " + string.Join(", ", posts.Select(p => $"{p.Network} {p.Done} of {p.Planned}")) + ".";

    private static string Count(int n, string one, string many) => string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");

    private static string Stars(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " ★";

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Percent(double rate) => rate.ToString("0%", CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("d MMM", CultureInfo.InvariantCulture);
}
