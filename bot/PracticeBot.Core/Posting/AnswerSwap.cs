using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Posting;

/// <summary>
/// The Accept and Decline buttons of a swap proposal. Accepting moves the slot with one conditional update, so a
/// slot that changed hands meanwhile is not taken from its new owner.
/// </summary>
public sealed class AnswerSwap(PracticeBotDb db, PostingDesk desk, TimeProvider time) : IBotHandler<ActionInvoked>
{
    public async ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        var me = turn.Member!;
        var parsed = long.TryParse(action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id);
        var swap = parsed
            ? await db.PostingSwaps.SingleOrDefaultAsync(w => w.Id == id && w.PracticeId == practice.Id, cancellationToken)
            : null;
        if (swap is null)
        {
            turn.Refuse(PostingTexts.StaleButton, parsed ? $"swap:{id}" : null, "no such swap in this practice");
            return;
        }

        if (swap.ToMemberId != me.Id)
        {
            turn.Refuse("This swap was offered to someone else.", $"swap:{swap.Id}", "swap offered to someone else");
            return;
        }

        if (swap.Status != SwapStatus.Pending)
        {
            turn.Reply($"This swap was already {swap.Status.ToString().ToLowerInvariant()}; nothing to do.");
            return;
        }

        var slot = await db.PostingSlots.SingleAsync(s => s.Id == swap.SlotId, cancellationToken);
        var plan = await desk.PlanAsync(practice, cancellationToken);
        var from = await db.Members.SingleAsync(m => m.Id == swap.FromMemberId, cancellationToken);
        swap.AnsweredAt = time.GetUtcNow();
        if (action.ActionId == PostingActions.DeclineSwap || plan is null)
        {
            swap.Status = SwapStatus.Declined;
            turn.Audit("posting.swap.declined", $"slot:{slot.Id}");
            desk.DirectMessage(practice, from, OutboundMessage.Plain(
                $"{me.Mention} can't take your post on {PlanShape.DateName(slot.Date)}, so it's still yours. Try `posting swap @someone` or `posting skip`."));
            turn.Reply("Declined — no problem, thanks for answering.");
            return;
        }

        var won = await db.PostingSlots
            .Where(s => s.Id == slot.Id && s.AssigneeMemberId == swap.FromMemberId && s.Status == SlotStatus.Assigned)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.AssigneeMemberId, me.Id).SetProperty(s => s.AssignedAt, swap.AnsweredAt), cancellationToken);
        await db.Entry(slot).ReloadAsync(cancellationToken);
        if (won == 0)
        {
            swap.Status = SwapStatus.Withdrawn;
            turn.Reply($"The post on {PlanShape.DateName(slot.Date)} changed in the meantime, so there's nothing to take. Thanks anyway!");
            return;
        }

        swap.Status = SwapStatus.Accepted;
        turn.Audit("posting.swap.accepted", $"slot:{slot.Id}", $"from {from.Mention}");
        desk.DirectMessage(practice, from, OutboundMessage.Plain(
            $"{me.Mention} took your post on {PostingTexts.Slot(slot, plan)}. You're off the hook — thank you both!"));
        turn.Reply($"It's yours: {PostingTexts.Slot(slot, plan)}. Thanks for helping out! I'll remind you the day before.");
    }
}
