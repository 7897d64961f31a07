using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Home;

/// <summary>
/// Keeps homes current: when a review or a posting slot changes, a refresh of the home of each person it can concern
/// goes into the outbox with the change (same transaction), once per person per turn. The platform publishes the
/// home from the data as it is at delivery, and a refresh with a later one pending behind it is skipped, so a burst of
/// changes publishes each home once. Only platforms with a home get refreshes (Slack's App Home); Teams has
/// <c>my work</c> instead.
/// </summary>
/// <remarks>
/// Who a change can concern: an open negative review is on everyone's home; any other review on the homes of its
/// claimer, the responders and the managers (who claim, and approve drafts), and of whoever acted; a posting change
/// on the homes of the volunteers (whose duties it may have moved) and of whoever acted. Wider than the exact
/// difference, so a slot or claim taken from someone is never left showing on their home.
/// </remarks>
public sealed class HomeRefresh(PracticeBotDb db, OutboxWriter outbox)
{
    /// <summary>The row's text: what the refresh is, for the outbox's records (the home itself is built at delivery).</summary>
    public const string Text = "PracticeBot home refresh";

    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);

    /// <summary>Whether this turn queued any refresh.</summary>
    public bool Queued => _queued.Count > 0;

    /// <summary>Whether people on <paramref name="platform"/> have a home that is published (Slack's App Home).</summary>
    public static bool HasHome(string platform) => string.Equals(platform, Platforms.Slack, StringComparison.OrdinalIgnoreCase);

    public async Task ForReviewAsync(Practice practice, int number, long? actorId, CancellationToken ct)
    {
        // Tracked, so the turn's own change (a new claimer) is what is read.
        if (await db.Reviews.SingleOrDefaultAsync(r => r.PracticeId == practice.Id && r.Number == number, ct) is { } review)
        {
            await ForReviewAsync(practice, review, actorId, ct);
        }
    }

    public async Task ForReviewAsync(Practice practice, Review review, long? actorId, CancellationToken ct)
    {
        if (!Publishable(practice))
        {
            return;
        }

        var claimer = review.ClaimedByMemberId ?? -1;
        var actor = actorId ?? -1;
        var people = review.IsNegative
            ? await Members(practice).ToListAsync(ct)
            : await Members(practice)
                .Where(m => ((int)m.Roles & (int)(Role.Manager | Role.Responder)) != 0 || m.Id == claimer || m.Id == actor)
                .ToListAsync(ct);
        Enqueue(practice, people);
    }

    public async Task ForPostingAsync(Practice practice, long? actorId, CancellationToken ct)
    {
        if (!Publishable(practice))
        {
            return;
        }

        var actor = actorId ?? -1;
        Enqueue(practice, await Members(practice).Where(m => ((int)m.Roles & (int)Role.Poster) != 0 || m.Id == actor).ToListAsync(ct));
    }

    private static bool Publishable(Practice practice) => practice.Channel is { } channel && HasHome(channel.Platform);

    private IQueryable<Member> Members(Practice practice)
    {
        var platform = practice.Channel!.Platform;
        return db.Members.AsNoTracking().Where(m => m.PracticeId == practice.Id && m.Platform == platform);
    }

    private void Enqueue(Practice practice, IEnumerable<Member> people)
    {
        foreach (var person in people)
        {
            var target = MessageTarget.HomeOf(practice.Channel!, person.UserId);
            if (_queued.Add(OutboxConversation.KeyOf(target)))
            {
                outbox.Enqueue(practice.Id, target, OutboundMessage.Plain(Text));
            }
        }
    }
}
