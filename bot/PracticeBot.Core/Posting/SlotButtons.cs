using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Posting;

/// <summary>Finds the slot a Done / Skip / Swap button names, or the member's current slot for the typed command.</summary>
internal static class SlotButtons
{
    public static long? IdOf(ActionInvoked action) =>
        long.TryParse(action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    /// <summary>The member's own slot from a button, or null after telling them why not.</summary>
    public static async Task<PostingSlot?> OwnSlotAsync(PracticeBotDb db, ActionInvoked action, TurnContext turn, CancellationToken ct)
    {
        // Scoped twice: by the tenant filter, and here by the turn's practice, so a slot id of another practice never matches.
        var practiceId = turn.Practice!.Id;
        var id = IdOf(action);
        var slot = id is { } slotId ? await db.PostingSlots.SingleOrDefaultAsync(s => s.Id == slotId && s.PracticeId == practiceId, ct) : null;
        if (slot is null)
        {
            turn.Refuse(PostingTexts.StaleButton, id is null ? null : $"slot:{id}", "no such slot in this practice");
            return null;
        }

        if (slot.AssigneeMemberId != turn.Member!.Id)
        {
            turn.Refuse(
                $"The post on {PlanShape.DateName(slot.Date)} isn't yours any more. `posting schedule` shows who has it.",
                $"slot:{slot.Id}",
                "slot assigned to someone else");
            return null;
        }

        return slot;
    }

    /// <summary>The member's current slot for a typed command, or null after telling them they have none.</summary>
    public static async Task<PostingSlot?> CurrentAsync(PostingDesk desk, Practice practice, Member me, TurnContext turn, CancellationToken ct)
    {
        var slot = await desk.CurrentSlotAsync(practice, me, ct);
        if (slot is null)
        {
            turn.Reply("You have no upcoming posting slot. `posting schedule` shows who's up when.");
        }

        return slot;
    }
}
