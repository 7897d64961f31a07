using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Posting;

/// <summary>What the posting handlers share: the plan, the volunteers, fair reassignment, and messages to people.</summary>
public sealed class PostingDesk(PracticeBotDb db, OutboxWriter outbox, TimeProvider time)
{
    public Task<PostingPlan?> PlanAsync(Practice practice, CancellationToken ct) =>
        db.PostingPlans.SingleOrDefaultAsync(p => p.PracticeId == practice.Id, ct);

    public static TimeZoneInfo Zone(Practice practice) => TimeZones.Find(practice.TimeZone);

    public DateOnly Today(Practice practice) => PostingClock.LocalDate(time.GetUtcNow(), Zone(practice));

    public Task<List<Member>> VolunteersAsync(Practice practice, CancellationToken ct) =>
        db.Members.Where(m => m.PracticeId == practice.Id && ((int)m.Roles & (int)Role.Poster) != 0).OrderBy(m => m.Id).ToListAsync(ct);

    public async Task<Dictionary<long, Member>> MembersByIdAsync(Practice practice, IEnumerable<long?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<long>().Distinct().ToList();
        return await db.Members.Where(m => m.PracticeId == practice.Id && wanted.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
    }

    /// <summary>The volunteers the rotation may use, with their away days, leaving out <paramref name="exclude"/>.</summary>
    public async Task<List<RotationVolunteer>> RotationVolunteersAsync(Practice practice, IReadOnlyCollection<long> exclude, CancellationToken ct)
    {
        var volunteers = await VolunteersAsync(practice, ct);
        var ids = volunteers.Select(v => v.Id).ToList();
        var away = await db.PostingAways.Where(a => a.PracticeId == practice.Id && ids.Contains(a.MemberId)).ToListAsync(ct);
        return
        [
            .. volunteers.Where(v => !exclude.Contains(v.Id)).Select(v => new RotationVolunteer(
                v.Id, [.. away.Where(a => a.MemberId == v.Id).Select(a => (a.From, a.To))])),
        ];
    }

    /// <summary>Duties held in [<paramref name="from"/>, <paramref name="to"/>) and the last day each member posted.</summary>
    public async Task<Dictionary<long, RotationHistory>> HistoryAsync(Practice practice, DateOnly from, DateOnly to, long? exceptSlotId, CancellationToken ct)
    {
        var held = await db.PostingSlots
            .Where(s => s.PracticeId == practice.Id && s.Date >= from && s.Date < to && s.AssigneeMemberId != null && s.Id != exceptSlotId
                && (s.Status == SlotStatus.Assigned || s.Status == SlotStatus.Done || s.Status == SlotStatus.Missed))
            .Select(s => s.AssigneeMemberId!.Value)
            .ToListAsync(ct);
        var posted = await db.PostingSlots
            .Where(s => s.PracticeId == practice.Id && s.Status == SlotStatus.Done && s.DoneByMemberId != null)
            .Select(s => new { Member = s.DoneByMemberId!.Value, s.Date })
            .ToListAsync(ct);
        var last = posted.GroupBy(p => p.Member).ToDictionary(g => g.Key, g => g.Max(p => p.Date));
        return held.Concat(last.Keys).Distinct().ToDictionary(
            id => id,
            id => new RotationHistory(held.Count(h => h == id), last.TryGetValue(id, out var date) ? date : null));
    }

    /// <summary>The slot a member means by <c>posting done|skip|swap</c>: their next assigned one, else one missed this past week.</summary>
    public async Task<PostingSlot?> CurrentSlotAsync(Practice practice, Member member, CancellationToken ct)
    {
        var assigned = await db.PostingSlots
            .Where(s => s.PracticeId == practice.Id && s.AssigneeMemberId == member.Id && s.Status == SlotStatus.Assigned)
            .OrderBy(s => s.Date).ThenBy(s => s.Sequence)
            .FirstOrDefaultAsync(ct);
        if (assigned is not null)
        {
            return assigned;
        }

        var weekAgo = Today(practice).AddDays(-7);
        return await db.PostingSlots
            .Where(s => s.PracticeId == practice.Id && s.AssigneeMemberId == member.Id && s.Status == SlotStatus.Missed && s.Date >= weekAgo)
            .OrderByDescending(s => s.Date)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Hands <paramref name="slot"/> to the next fair volunteer other than <paramref name="exclude"/> and tells them; with
    /// nobody available the slot is left open and the managers are told. Returns the new assignee, if any.
    /// </summary>
    public async Task<Member?> ReassignAsync(Practice practice, PostingPlan plan, PostingSlot slot, IReadOnlyCollection<long> exclude, string why, CancellationToken ct)
    {
        var week = PostingClock.WeekStart(slot.Date);
        var volunteers = await RotationVolunteersAsync(practice, exclude, ct);
        var history = await HistoryAsync(practice, week.AddDays(-7 * (PostingRotation.WindowWeeks - 1)), week.AddDays(7), slot.Id, ct);
        var sameDay = await db.PostingSlots
            .Where(s => s.PracticeId == practice.Id && s.Date == slot.Date && s.Id != slot.Id && s.AssigneeMemberId != null)
            .Select(s => s.AssigneeMemberId!.Value)
            .ToListAsync(ct);
        var chosen = PostingRotation.Assign([slot.Date], volunteers, history, [.. sameDay.Select(m => (slot.Date, m))])[0];

        slot.AssigneeMemberId = chosen;
        slot.AssignedAt = time.GetUtcNow();
        if (chosen is not { } id)
        {
            slot.Status = slot.SkippedBy.Count > 0 ? SlotStatus.Skipped : SlotStatus.Open;
            await TellManagersAsync(practice, $"Nobody is available to post on {PostingTexts.Slot(slot, plan)} ({why}). " +
                "Could you post it yourself, or ask a teammate to `posting volunteer`?", ct);
            return null;
        }

        slot.Status = SlotStatus.Assigned;
        var member = await db.Members.SingleAsync(m => m.Id == id, ct);
        DirectMessage(practice, member, PostingTexts.Handed(slot, plan, why));
        return member;
    }

    public void DirectMessage(Practice practice, Member member, OutboundMessage message)
    {
        if (practice.Channel is { } channel && channel.Platform == member.Platform)
        {
            outbox.Enqueue(practice.Id, MessageTarget.DirectTo(channel, member.UserId), message);
        }
    }

    public void ToChannel(Practice practice, OutboundMessage message)
    {
        if (practice.Channel is { } channel)
        {
            outbox.Enqueue(practice.Id, MessageTarget.Channel(channel), message);
        }
    }

    public async Task TellManagersAsync(Practice practice, string text, CancellationToken ct)
    {
        var managers = await db.Members.Where(m => m.PracticeId == practice.Id && ((int)m.Roles & (int)Role.Manager) != 0).ToListAsync(ct);
        foreach (var manager in managers)
        {
            DirectMessage(practice, manager, OutboundMessage.Plain(text));
        }
    }

    /// <summary>Pending swap proposals of a slot that changed hands or state no longer stand.</summary>
    public Task WithdrawSwapsAsync(long slotId, CancellationToken ct) =>
        db.PostingSwaps.Where(w => w.SlotId == slotId && w.Status == SwapStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, SwapStatus.Withdrawn), ct);

    /// <summary>The idea for a slot's reminders: chosen once, never the practice's previous suggestion.</summary>
    public static PostIdea IdeaFor(Practice practice, PostingSlot slot)
    {
        if (PostIdeas.Find(slot.IdeaKey, practice.Settings.PostIdeas) is { } chosen)
        {
            return chosen;
        }

        var idea = PostIdeas.Next(slot.Date, practice.Settings.LastPostIdea, practice.Settings.PostIdeas);
        slot.IdeaKey = idea.Key;
        practice.Settings.LastPostIdea = idea.Key;
        return idea;
    }
}
