using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Hosting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Posting;

/// <summary><c>posting schedule</c>: who posts when over the coming two weeks, and the calendar feed to subscribe to.</summary>
public sealed class ShowPostingSchedule(PracticeBotDb db, PostingDesk desk, IPostingCalendarTokens tokens, TimeProvider time, IPublicLinks links) : IBotHandler<CommandInvocation>
{
    public const int Days = 14;

    /// <summary>The calendar feed's path (the host serves it); the dashboard's posting page shows the same link.</summary>
    public static string CalendarPath(long practiceId, string token) => $"/practice/{practiceId}/posting.ics?token={token}";

    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        if (await desk.PlanAsync(practice, cancellationToken) is not { } plan)
        {
            turn.Reply(PostingTexts.NoPlan);
            return;
        }

        var today = desk.Today(practice);
        var end = today.AddDays(Days);
        var slots = await db.PostingSlots
            .Where(s => s.PracticeId == practice.Id && s.Date >= today && s.Date < end)
            .OrderBy(s => s.Date).ThenBy(s => s.Sequence)
            .ToListAsync(cancellationToken);
        var members = await desk.MembersByIdAsync(practice, slots.Select(s => s.AssigneeMemberId), cancellationToken);
        var lines = slots.Select(s => $"• {PostingTexts.Slot(s, plan)} — " + (s.AssigneeMemberId is { } id && members.TryGetValue(id, out var m) ? m.Mention : "nobody yet") +
            s.Status switch { SlotStatus.Done => " ✓ posted", SlotStatus.Missed => " (missed)", SlotStatus.Skipped => " (skipped)", _ => "" });
        var rotation = NextRotation(practice, plan, today);
        var body = slots.Count == 0
            ? plan.Paused ? "Nothing planned: posting is paused." : $"No posts due in the next two weeks yet. {rotation}"
            : string.Join("\n", lines);
        var context = new List<string> { PostingTexts.Summary(plan, practice.TimeZone) };
        if (slots.Count > 0 && !plan.Paused)
        {
            context.Add(rotation);
        }

        if (plan.Paused)
        {
            context.Insert(0, "The plan is paused: no reminders until a manager sets it again.");
        }

        context.Add("The link to add this schedule to your calendar comes to you privately.");
        turn.Reply(new OutboundMessage($"Posting — next two weeks:\n{body}", Card.Of(
            new HeaderBlock("Posting — next two weeks"),
            new SectionBlock(body),
            new ContextBlock(context))));

        // The feed's token lets anyone who has it read the schedule: a secret, shown to this person alone.
        var token = tokens.Reveal(plan) ?? tokens.Create(plan); // a token lost with old keys is replaced, and the new one saved with the turn
        turn.ReplySecret(OutboundMessage.Plain($"Add the posting schedule to your calendar (keep the link to yourself): {links.To(CalendarPath(practice.Id, token))}"));
    }

    /// <summary>When the next week is shared out: on the coming rotation day, or already (the first week's fill made it).</summary>
    private string NextRotation(Practice practice, PostingPlan plan, DateOnly today)
    {
        var monday = PostingClock.WeekStart(today);
        var at = $"{PostingSchedules.RotateDay} {PlanShape.TimeName(PostingSchedules.RotateTime)}";
        return PostingRota.RotationHasRun(monday, time.GetUtcNow(), PostingDesk.Zone(practice))
            ? $"The week of {PlanShape.DateName(monday.AddDays(7))} is shared out; the next rotation is on {at} ({practice.TimeZone})."
            : $"The week of {PlanShape.DateName(monday.AddDays(7))} is shared out on {at} ({practice.TimeZone}); new volunteers get open slots at once.";
    }
}
