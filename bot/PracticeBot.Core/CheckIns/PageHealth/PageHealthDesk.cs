using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews.Sources.Connections;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.CheckIns.PageHealth;

/// <summary>
/// The digest's "Facebook page" line for a practice whose page is connected from chat: followers and their change since
/// last week's check-in, posts published in the week and the comments and reactions on them; or which permission to grant.
/// </summary>
public sealed class PageHealthDesk(PracticeBotDb db, ConnectedSources connections, IPageHealthReader? reader = null)
{
    public const string Source = "facebook";

    /// <param name="record">The weekly check-in records this week's follower count (the on-demand digest only reads).</param>
    public async Task<CardBlock?> SectionAsync(Practice practice, CheckInWeek week, bool record, CancellationToken ct)
    {
        if (reader is null)
        {
            return null;
        }

        var row = await db.SourceConnections.SingleOrDefaultAsync(
            c => c.PracticeId == practice.Id && c.Source == Source && c.Status == SourceConnectionStatus.Connected, ct);
        if (row is null || connections.Account(row) is not { Secret: not null } page)
        {
            return null;
        }

        var reading = await reader.ReadAsync(page, week.FromUtc, week.ToUtc, ct);
        var name = OutsideText.Mark(page.LocationLabel ?? page.Location);
        if (reading.MissingPermission is { } permission)
        {
            return new SectionBlock($"*Facebook page* {name}: Facebook withheld the page's numbers. Grant the `{permission}` permission: " +
                                    "run `practice connect facebook` and allow it when Facebook asks.");
        }

        if (reading.Problem is { } problem)
        {
            return new SectionBlock($"*Facebook page* {name}: could not be read this week ({problem}).");
        }

        // The count a week ago: the one recorded at the previous check-in (or, re-shown the same week, the one before it).
        var before = row.FollowersWeek == week.Key ? row.PreviousFollowers : row.FollowersWeek == week.PreviousKey ? row.Followers : null;
        if (record && reading.Followers is { } now && row.FollowersWeek != week.Key)
        {
            (row.PreviousFollowers, row.Followers, row.FollowersWeek) = (before, now, week.Key);
        }

        var followers = reading.Followers is not { } count
            ? "followers not shown"
            : $"{N(count)} follower{(count == 1 ? "" : "s")} " + (before is { } b ? $"({Change(count - b)} since last week)" : "(the change since last week shows from next week)");
        var posts = reading.Posts == 0
            ? "no posts published this week"
            : $"{N(reading.Posts)} post{(reading.Posts == 1 ? "" : "s")} published, with {N(reading.Comments)} comment{(reading.Comments == 1 ? "" : "s")} " +
              $"and {N(reading.Reactions)} reaction{(reading.Reactions == 1 ? "" : "s")}";
        return new SectionBlock($"*Facebook page* {name}: {followers} · {posts}.");
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Change(int delta) => delta switch
    {
        > 0 => $"+{N(delta)}",
        < 0 => $"−{N(-delta)}",
        _ => "no change",
    };
}
