using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews;

/// <summary><c>review &lt;id&gt;</c>: one review's card and its history (who did what, when, from the audit log).</summary>
public sealed class ShowReview(ReviewBook reviews, PracticeBotDb db) : IBotHandler<CommandInvocation>
{
    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var number = command.ReviewNumber();
        if (await reviews.FindAsync(turn.Practice!, number, cancellationToken) is not { } review)
        {
            ReviewReplies.RefuseNotFound(turn, number);
            return;
        }

        var card = await reviews.CardAsync(review, cancellationToken);
        var subject = $"review:{number}";
        var history = await db.AuditEntries
            .Where(a => a.PracticeId == turn.Practice!.Id && a.Subject == subject)
            .OrderByDescending(a => a.Id)
            .Take(10)
            .ToListAsync(cancellationToken);
        if (history.Count > 0)
        {
            var lines = history.AsEnumerable().Reverse().Select(a =>
                $"{a.At:yyyy-MM-dd HH:mm} UTC · {a.ActorName ?? a.Actor} · {a.Action.Replace("review.", "", StringComparison.Ordinal).Replace('.', ' ')}");
            card = card with { Card = new Card([.. card.Card!.Blocks, new ContextBlock(["*History*", .. lines])]) };
        }

        turn.Reply(card);
    }
}
