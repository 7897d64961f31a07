using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Storage;

namespace PracticeBot.Host.Posting;

public static class PostingCalendarApi
{
    public const string Path = "/practice/{id:long}/posting.ics";

    /// <summary>How far back and ahead the feed reaches.</summary>
    public static readonly (int Back, int Ahead) Days = (28, 56);

    /// <summary>The feed tokens' encryption (the feed itself needs nothing else).</summary>
    public static WebApplicationBuilder AddPostingCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IPostingCalendarTokens, PostingCalendarTokens>();
        return builder;
    }

    public static WebApplication MapPostingCalendar(this WebApplication app)
    {
        app.MapGet(Path, GetCalendar).WithName("PostingCalendar");
        return app;
    }

    /// <summary>
    /// <c>GET /practice/{id}/posting.ics?token=…</c>: the practice's posting slots for calendar apps. A missing or wrong
    /// token is a 404, the same as an unknown practice, so the feed does not reveal which practices exist.
    /// </summary>
    public static async Task<IResult> GetCalendar(
        long id, string? token, PracticeBotDb db, IPostingCalendarTokens tokens, TimeProvider time, CancellationToken cancellationToken)
    {
        db.PracticeScope = id;
        var plan = await db.PostingPlans.SingleOrDefaultAsync(p => p.PracticeId == id, cancellationToken);
        if (plan is null || tokens.Reveal(plan) is not { } expected || !TokenMatches(expected, token))
        {
            return Results.NotFound();
        }

        var practice = await db.Practices.SingleAsync(p => p.Id == id, cancellationToken);
        var now = time.GetUtcNow();
        var today = PostingClock.LocalDate(now, PostingDesk.Zone(practice));
        var (from, to) = (today.AddDays(-Days.Back), today.AddDays(Days.Ahead));
        var slots = await db.PostingSlots.Where(s => s.PracticeId == id && s.Date >= from && s.Date <= to).ToListAsync(cancellationToken);
        var ids = slots.Select(s => s.AssigneeMemberId).OfType<long>().Distinct().ToList();
        var members = await db.Members.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        return Results.Text(PostingCalendar.Render(practice, plan, slots, members, now), PostingCalendar.ContentType, Encoding.UTF8);
    }

    private static bool TokenMatches(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}
