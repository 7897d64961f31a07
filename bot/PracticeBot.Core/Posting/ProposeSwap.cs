using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Posting;

/// <summary>
/// <c>posting swap @user</c>: asks a teammate (by DM, with Accept / Decline) to take your current slot. The Swap
/// button answers with how to ask, since it cannot know whom.
/// </summary>
public sealed class ProposeSwap(PracticeBotDb db, PostingDesk desk, MemberLookup members, TimeProvider time)
    : IBotHandler<CommandInvocation>, IBotHandler<ActionInvoked>
{
    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        var me = turn.Member!;
        var found = await members.FindAsync(practice, turn.Chat!.Conversation.Platform, command.Get<UserRef>("user"), cancellationToken);
        if (found.Member is not { } other)
        {
            turn.Reply(found.Problem!);
            return;
        }

        if (other.UserId == me.UserId)
        {
            turn.Reply("That's you! Name the teammate who could take your slot: `posting swap @name`.");
            return;
        }

        if (await SlotButtons.CurrentAsync(desk, practice, me, turn, cancellationToken) is not { } slot || await desk.PlanAsync(practice, cancellationToken) is not { } plan)
        {
            return;
        }

        if (slot.Status != SlotStatus.Assigned)
        {
            turn.Reply($"Your post on {PlanShape.DateName(slot.Date)} is {slot.Status.ToString().ToLowerInvariant()}; there's nothing to swap.");
            return;
        }

        if (!other.Roles.HasFlag(Role.Poster))
        {
            turn.Reply($"{other.Mention} isn't a posting volunteer. They can join with `posting volunteer`; nobody is given posting duty without it.");
            return;
        }

        if (await db.PostingAways.AnyAsync(a => a.MemberId == other.Id && a.From <= slot.Date && a.To >= slot.Date, cancellationToken))
        {
            turn.Reply($"{other.Mention} is away on {PlanShape.DateName(slot.Date)}. Try someone else, or `posting skip`.");
            return;
        }

        await desk.WithdrawSwapsAsync(slot.Id, cancellationToken);
        var swap = new PostingSwap
        {
            PracticeId = practice.Id,
            SlotId = slot.Id,
            FromMemberId = me.Id,
            ToMemberId = other.Id,
            Status = SwapStatus.Pending,
            CreatedAt = time.GetUtcNow(),
        };
        db.PostingSwaps.Add(swap);
        await db.SaveChangesAsync(cancellationToken); // the buttons carry the proposal's id
        desk.DirectMessage(practice, other, PostingTexts.SwapProposal(swap, slot, plan, me));
        turn.Audit("posting.swap.proposed", $"slot:{slot.Id}", $"to {other.Mention}");
        turn.Reply($"I've asked {other.Mention} to take {PostingTexts.Slot(slot, plan)}. It stays yours until they accept; I'll tell you their answer.");
    }

    public async ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken)
    {
        if (await SlotButtons.OwnSlotAsync(db, action, turn, cancellationToken) is { } slot)
        {
            var others = (await desk.VolunteersAsync(turn.Practice!, cancellationToken)).Where(v => v.Id != turn.Member!.Id).Select(v => v.Mention).ToList();
            turn.Reply($"Who could take {PlanShape.DateName(slot.Date)}? Type `posting swap @name` and I'll ask them." +
                (others.Count > 0 ? $" Volunteers: {string.Join(", ", others)}." : " There are no other volunteers yet; `posting skip` tells the managers."));
        }
    }
}
