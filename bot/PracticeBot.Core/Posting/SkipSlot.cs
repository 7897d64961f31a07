using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Posting;

/// <summary><c>posting skip</c> and the Skip button: the slot goes to the next fair volunteer, who is told.</summary>
public sealed class SkipSlot(PracticeBotDb db, PostingDesk desk) : IBotHandler<CommandInvocation>, IBotHandler<ActionInvoked>
{
    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        if (await SlotButtons.CurrentAsync(desk, turn.Practice!, turn.Member!, turn, cancellationToken) is { } slot)
        {
            await SkipAsync(turn.Practice!, slot, turn, cancellationToken);
        }
    }

    public async ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken)
    {
        if (await SlotButtons.OwnSlotAsync(db, action, turn, cancellationToken) is { } slot)
        {
            await SkipAsync(turn.Practice!, slot, turn, cancellationToken);
        }
    }

    private async Task SkipAsync(Practice practice, PostingSlot slot, TurnContext turn, CancellationToken ct)
    {
        var me = turn.Member!;
        if (slot.Status != SlotStatus.Assigned)
        {
            turn.Reply($"The post on {PlanShape.DateName(slot.Date)} is {slot.Status.ToString().ToLowerInvariant()}; there's nothing to skip.");
            return;
        }

        if (await desk.PlanAsync(practice, ct) is not { } plan)
        {
            turn.Reply(PostingTexts.NoPlan);
            return;
        }

        slot.SkippedBy = [.. slot.SkippedBy.Append(me.Id).Distinct()];
        await desk.WithdrawSwapsAsync(slot.Id, ct);
        var next = await desk.ReassignAsync(practice, plan, slot, slot.SkippedBy, "a teammate had to skip", ct);
        turn.Audit("posting.skipped", $"slot:{slot.Id}", next is null ? "nobody available" : $"to {next.Mention}");
        turn.Reply(next is null
            ? $"No problem. Nobody else is free for {PlanShape.DateName(slot.Date)}, so I've told the managers."
            : $"No problem — {next.Mention} takes {PostingTexts.Slot(slot, plan)}. Thanks for saying so early!");
    }
}
