using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Posting;

/// <summary>
/// <c>posting done [url]</c> and the Done button: records the post (network, link, who, when) and thanks the person
/// in the channel. The update is conditional, so a double press records once. A post without a slot is still recorded.
/// </summary>
public sealed class MarkPosted(PracticeBotDb db, PostingDesk desk, TimeProvider time) : IBotHandler<CommandInvocation>, IBotHandler<ActionInvoked>
{
    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        var slot = await desk.CurrentSlotAsync(practice, turn.Member!, cancellationToken);
        await RecordAsync(practice, slot, command.Find<Uri>("url"), turn, cancellationToken);
    }

    public async ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken)
    {
        if (await SlotButtons.OwnSlotAsync(db, action, turn, cancellationToken) is { } slot)
        {
            await RecordAsync(turn.Practice!, slot, null, turn, cancellationToken);
        }
    }

    private async Task RecordAsync(Practice practice, PostingSlot? slot, Uri? url, TurnContext turn, CancellationToken ct)
    {
        var me = turn.Member!;
        if (await desk.PlanAsync(practice, ct) is not { } plan)
        {
            turn.Reply(PostingTexts.NoPlan);
            return;
        }

        var now = time.GetUtcNow();
        var link = url?.AbsoluteUri;
        if (slot is null)
        {
            if (me.Id == 0)
            {
                await db.SaveChangesAsync(ct);
            }

            var today = desk.Today(practice);
            // Posted without a slot: still recorded and thanked, since the point is that posts get done.
            slot = new PostingSlot
            {
                PracticeId = practice.Id,
                PlanId = plan.Id,
                Date = today,
                Sequence = 100 + await db.PostingSlots.CountAsync(s => s.PracticeId == practice.Id && s.Date == today, ct),
                Network = PostingNetworks.FromUrl(url) ?? plan.Networks.FirstOrDefault(),
                AssigneeMemberId = me.Id,
                Status = SlotStatus.Done,
                AssignedAt = now,
                PostUrl = link,
                DoneByMemberId = me.Id,
                DoneAt = now,
            };
            db.PostingSlots.Add(slot);
            await db.SaveChangesAsync(ct);
        }
        else
        {
            var network = slot.Network ?? PostingNetworks.FromUrl(url);
            var won = await db.PostingSlots
                .Where(s => s.Id == slot.Id && s.AssigneeMemberId == me.Id && (s.Status == SlotStatus.Assigned || s.Status == SlotStatus.Missed))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.Status, SlotStatus.Done)
                    .SetProperty(s => s.PostUrl, link)
                    .SetProperty(s => s.Network, network)
                    .SetProperty(s => s.DoneByMemberId, me.Id)
                    .SetProperty(s => s.DoneAt, now), ct);
            await db.Entry(slot).ReloadAsync(ct);
            if (won == 0)
            {
                turn.Reply($"Your post for {PlanShape.DateName(slot.Date)} is already recorded — thank you!");
                return;
            }

            await desk.WithdrawSwapsAsync(slot.Id, ct);
        }

        turn.Audit("posting.done", $"slot:{slot.Id}", $"{slot.Network ?? "unknown network"} {link ?? "(no link)"}".Trim());
        var week = PostingClock.WeekStart(slot.Date);
        var weekEnd = week.AddDays(7);
        var doneThisWeek = await db.PostingSlots.CountAsync(
            s => s.PracticeId == practice.Id && s.Date >= week && s.Date < weekEnd && s.Status == SlotStatus.Done, ct);
        var linkText = link is null ? "" : $" {link}";
        desk.ToChannel(practice, OutboundMessage.Plain(
            $"🎉 Thank you {me.Mention} for posting{PostingTexts.On(slot.Network)}!{linkText} That's {doneThisWeek} of {plan.PostsPerWeek} this week."));
        turn.Reply($"Recorded your post{PostingTexts.On(slot.Network)} for {PlanShape.DateName(slot.Date)}. Thank you!" +
            (link is null ? " (Add the link next time: `posting done <link>`.)" : ""));
    }
}
