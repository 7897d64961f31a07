using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Posting;

/// <summary><c>posting optout</c>: leaves the rotation; upcoming slots not yet done go to the next fair volunteers.</summary>
public sealed class OptOut(PracticeBotDb db, PostingDesk desk) : IBotHandler<CommandInvocation>
{
    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        var me = turn.Member!;
        if (!me.Roles.HasFlag(Role.Poster))
        {
            turn.Reply("You're not in the posting rotation, so there's nothing to change. `posting volunteer` joins it.");
            return;
        }

        me.Roles &= ~Role.Poster;
        turn.Audit("posting.opted-out", $"member:{me.Mention}");
        var handed = await HandOnAsync(db, desk, practice, me, desk.Today(practice), DateOnly.MaxValue, "a teammate left the rotation", cancellationToken);
        turn.Reply($"You're out of the posting rotation. Thank you for everything you posted!{handed}");
    }

    /// <summary>Reassigns a member's upcoming slots in [from, to]; returns a sentence saying where they went.</summary>
    internal static async Task<string> HandOnAsync(
        PracticeBotDb db, PostingDesk desk, Practice practice, Member member, DateOnly from, DateOnly to, string why, CancellationToken ct)
    {
        var slots = await db.PostingSlots
            .Where(s => s.PracticeId == practice.Id && s.AssigneeMemberId == member.Id && s.Status == SlotStatus.Assigned && s.Date >= from && s.Date <= to)
            .OrderBy(s => s.Date).ThenBy(s => s.Sequence)
            .ToListAsync(ct);
        if (slots.Count == 0 || await desk.PlanAsync(practice, ct) is not { } plan)
        {
            return "";
        }

        var lines = new List<string>();
        foreach (var slot in slots)
        {
            await desk.WithdrawSwapsAsync(slot.Id, ct);
            var next = await desk.ReassignAsync(practice, plan, slot, [member.Id], why, ct);
            lines.Add($"{PlanShape.DateName(slot.Date)} → {next?.Mention ?? "nobody free yet (the managers know)"}");
        }

        return $" Your upcoming slots: {string.Join("; ", lines)}.";
    }
}
