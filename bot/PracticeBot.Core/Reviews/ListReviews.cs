using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews;

/// <summary><c>review [open|mine|unanswered|all]</c>: the practice's reviews, newest first, with a Claim button on new ones.</summary>
public sealed class ListReviews(PracticeBotDb db, TimeProvider time) : IBotHandler<CommandInvocation>
{
    public const int PageSize = 10;

    private static readonly ReviewStatus[] Closed = [ReviewStatus.Replied, ReviewStatus.Resolved, ReviewStatus.NoReplyNeeded];
    private static readonly ReviewStatus[] Answered = [ReviewStatus.Replied, ReviewStatus.NoReplyNeeded];

    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        var filter = command.Text("filter") ?? "open";
        var query = db.Reviews.Where(r => r.PracticeId == practice.Id);
        query = filter switch
        {
            "mine" => query.Where(r => r.ClaimedByMemberId == turn.Member!.Id && !Closed.Contains(r.Status)),
            "unanswered" => query.Where(r => !Answered.Contains(r.Status)),
            "all" => query,
            _ => query.Where(r => !Closed.Contains(r.Status)),
        };
        // One query for the page and its claimers, untracked (nothing here is changed); one more row than a page says
        // whether there are more, so the count is only asked for when there are.
        var rows = await query
            .OrderByDescending(r => r.Number)
            .Take(PageSize + 1)
            .Select(r => new { Review = r, Claimer = db.Members.FirstOrDefault(m => m.Id == r.ClaimedByMemberId) })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            turn.Reply(filter == "mine" ? "You have no open reviews. `review` lists the practice's open ones." : $"No {filter} reviews right now. 🎉");
            return;
        }

        var total = rows.Count <= PageSize ? rows.Count : await query.CountAsync(cancellationToken);
        var page = rows.Take(PageSize).ToList();
        var reviews = page.Select(r => r.Review).ToList();
        var now = time.GetUtcNow();
        var title = filter == "mine" ? "your open reviews" : $"{filter} reviews";
        var blocks = new List<CardBlock> { new HeaderBlock($"{practice.Name}: {title} ({total})") };
        foreach (var (review, claimer) in page.Select(r => (r.Review, r.Claimer)))
        {
            blocks.Add(new SectionBlock(ReviewCards.Line(review, claimer, now)));
            if (review.Status == ReviewStatus.New)
            {
                blocks.Add(new ActionsBlock([new CardButton($"Claim #{review.Number}", ReviewActions.Claim, review.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
            }
        }

        var more = total > reviews.Count ? $"Showing the newest {reviews.Count} of {total}. " : "";
        blocks.Add(new ContextBlock([$"{more}`review <id>` shows one; `review claim <id>` takes it."]));
        turn.Reply(new OutboundMessage($"{total} {title}", new Card(blocks)));
    }
}
