using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Home;

/// <summary>
/// A person's place of work, in neutral form: their next posting duty with a Done button, the reviews they claimed
/// and the practice's open negative reviews each with an Open button, and for managers the drafts waiting for their
/// approval. The Slack App Home publishes it; <c>my work</c> answers with it (an Adaptive Card in Teams).
/// </summary>
public sealed class PersonHome(PracticeBotDb db, TimeProvider time)
{
    /// <summary>The most reviews one list shows; the rest are counted.</summary>
    public const int Shown = 10;

    public const string DutyTitle = "*Your next posting duty*";
    public const string ClaimedTitle = "*Reviews you claimed*";
    public const string NegativeTitle = "*Open negative reviews*";
    public const string ApprovalsTitle = "*Drafts waiting for your approval*";

    /// <summary>Statuses in which a review still needs someone.</summary>
    private static readonly ReviewStatus[] Open =
        [ReviewStatus.New, ReviewStatus.Claimed, ReviewStatus.Drafted, ReviewStatus.AwaitingApproval, ReviewStatus.Approved, ReviewStatus.Escalated];

    /// <param name="member">Null for someone the practice does not know yet: they see the practice's open negative reviews.</param>
    public async Task<Card> BuildAsync(Practice practice, Member? member, CancellationToken ct)
    {
        var memberId = member?.Id ?? -1;
        var now = time.GetUtcNow();
        var blocks = new List<CardBlock> { new HeaderBlock($"{OutsideText.Mark(practice.Name)} — your work") };
        blocks.AddRange(await DutyAsync(practice, memberId, ct));

        blocks.Add(new DividerBlock());
        blocks.Add(new SectionBlock(ClaimedTitle));
        var mine = db.Reviews.AsNoTracking().Where(r => r.PracticeId == practice.Id && r.ClaimedByMemberId == memberId && Open.Contains(r.Status));
        blocks.AddRange(await ListAsync(mine, member, now, "None right now. `review` lists the open ones.", ct));

        if (member is not null && member.Roles.HasFlag(Role.Manager))
        {
            blocks.Add(new DividerBlock());
            blocks.Add(new SectionBlock(ApprovalsTitle));
            var waiting = db.Reviews.AsNoTracking().Where(r => r.PracticeId == practice.Id && r.Status == ReviewStatus.AwaitingApproval);
            blocks.AddRange(await ListAsync(waiting, null, now, "Nothing waits for you. 🎉", ct));
        }

        blocks.Add(new DividerBlock());
        blocks.Add(new SectionBlock(NegativeTitle));
        var negative = db.Reviews.AsNoTracking().Where(r => r.PracticeId == practice.Id && Open.Contains(r.Status)
            && (r.Rating <= 2 || r.Recommendation == "negative"));
        blocks.AddRange(await ListAsync(negative, null, now, "None open. 🎉", ct));

        blocks.Add(new ContextBlock(["`review <number>` shows a review; `help` shows everything."]));
        return new Card(blocks);
    }

    private async Task<IEnumerable<CardBlock>> DutyAsync(Practice practice, long memberId, CancellationToken ct)
    {
        var today = PostingClock.LocalDate(time.GetUtcNow(), PostingDesk.Zone(practice));
        var duty = await db.PostingSlots.AsNoTracking()
            .Where(s => s.PracticeId == practice.Id && s.AssigneeMemberId == memberId && s.Status == SlotStatus.Assigned && s.Date >= today)
            .OrderBy(s => s.Date).ThenBy(s => s.Sequence)
            .FirstOrDefaultAsync(ct);
        var plan = duty is null ? null : await db.PostingPlans.AsNoTracking().SingleOrDefaultAsync(p => p.PracticeId == practice.Id, ct);
        if (duty is null || plan is null)
        {
            return [new SectionBlock(DutyTitle), new ContextBlock(["None assigned. `posting volunteer` puts you in the rotation."])];
        }

        return
        [
            new SectionBlock(DutyTitle),
            new SectionBlock($"{PostingTexts.Slot(duty, plan)}. `posting ideas` suggests what to post."),
            new ActionsBlock([new CardButton("Done", PostingActions.Done, PostingTexts.Id(duty), ButtonStyle.Primary)]),
        ];
    }

    private static async Task<IEnumerable<CardBlock>> ListAsync(IQueryable<Review> reviews, Member? claimer, DateTimeOffset now, string none, CancellationToken ct)
    {
        var total = await reviews.CountAsync(ct);
        if (total == 0)
        {
            return [new ContextBlock([none])];
        }

        var shown = await reviews.OrderBy(r => r.Number).Take(Shown).ToListAsync(ct);
        var blocks = new List<CardBlock>();
        foreach (var review in shown)
        {
            var number = review.Number.ToString(CultureInfo.InvariantCulture);
            blocks.Add(new SectionBlock(ReviewCards.Line(review, claimer, now)));
            blocks.Add(new ActionsBlock([new CardButton("Open", HomeActions.OpenReview, number)]));
        }

        if (total > Shown)
        {
            blocks.Add(new ContextBlock([$"…and {total - Shown} more. `review` lists them all."]));
        }

        return blocks;
    }
}
