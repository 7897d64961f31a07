using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews;

/// <summary><c>review [open|mine|unanswered|all]</c>: the practice's reviews, newest first, with a Claim button on new ones.</summary>
public sealed class ListReviews(PracticeBotDb db, TimeProvider time) : IBotHandler<CommandInvocation>
{
    public const int PageSize = 10;

    private sealed record ReviewRow(Review Review, Member? Claimer);

    // Asked on every `review` list: compiled once, so a turn does not translate the same LINQ again. The filter is
    // two flags (answered: replied or no reply needed; resolved), not a list of statuses: a list parameter is expanded
    // into one parameter per item, and the SQL made again for every execution. A claimer is joined on its id (a plain
    // left join; the lookup of one member per row made a window over all members).
    private static readonly CompiledPerModel<Func<PracticeBotDb, long, long?, bool, bool, IAsyncEnumerable<ReviewRow>>> PageOf = new(() => EF.CompileAsyncQuery(
        (PracticeBotDb db, long practiceId, long? claimedBy, bool hideAnswered, bool hideResolved) =>
            (from review in db.Reviews
                 .Where(r => r.PracticeId == practiceId && (claimedBy == null || r.ClaimedByMemberId == claimedBy)
                     && (!hideAnswered || (r.Status != ReviewStatus.Replied && r.Status != ReviewStatus.NoReplyNeeded))
                     && (!hideResolved || r.Status != ReviewStatus.Resolved))
                 .OrderByDescending(r => r.Number)
                 .Take(PageSize + 1)
             join member in db.Members on review.ClaimedByMemberId equals member.Id into claimers
             from claimer in claimers.DefaultIfEmpty()
             orderby review.Number descending
             select new ReviewRow(review, claimer))
            .AsNoTracking()));

    private static readonly CompiledPerModel<Func<PracticeBotDb, long, long?, bool, bool, CancellationToken, Task<int>>> CountOf = new(() => EF.CompileAsyncQuery(
        (PracticeBotDb db, long practiceId, long? claimedBy, bool hideAnswered, bool hideResolved, CancellationToken _) =>
            db.Reviews.Count(r => r.PracticeId == practiceId && (claimedBy == null || r.ClaimedByMemberId == claimedBy)
                && (!hideAnswered || (r.Status != ReviewStatus.Replied && r.Status != ReviewStatus.NoReplyNeeded))
                && (!hideResolved || r.Status != ReviewStatus.Resolved))));

    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        var filter = command.Text("filter") ?? "open";
        var (claimedBy, hideAnswered, hideResolved) = filter switch
        {
            "mine" => (turn.Member!.Id, true, true),
            "unanswered" => ((long?)null, true, false),
            "all" => (null, false, false),
            _ => (null, true, true),
        };
        // One query for the page and its claimers, untracked (nothing here is changed); one more row than a page says
        // whether there are more, so the count is only asked for when there are.
        var rows = new List<ReviewRow>(PageSize + 1);
        await foreach (var row in PageOf.For(db)(db, practice.Id, claimedBy, hideAnswered, hideResolved).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            turn.Reply(filter == "mine" ? "You have no open reviews. `review` lists the practice's open ones." : $"No {filter} reviews right now. 🎉");
            return;
        }

        var total = rows.Count <= PageSize ? rows.Count : await CountOf.For(db)(db, practice.Id, claimedBy, hideAnswered, hideResolved, cancellationToken);
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
