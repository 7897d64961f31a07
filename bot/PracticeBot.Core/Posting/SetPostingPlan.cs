using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Scheduling;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Posting;

/// <summary>
/// <c>posting plan 3/week facebook instagram [mon wed fri] [10am]</c> sets the plan and schedules the practice's
/// rotation and reminders; <c>posting plan off</c> pauses it. Managers only. The first week starts at once: the rest
/// of this week's slots (and next week's, once its rotation has run) are shared out now (<see cref="PostingRota"/>).
/// </summary>
public sealed class SetPostingPlan(PracticeBotDb db, PostingDesk desk, PostingRota rota, IBotScheduler scheduler, IPostingCalendarTokens tokens, TimeProvider time) : IBotHandler<CommandInvocation>
{
    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        var rate = command.Get<PostingRate>("rate");
        var plan = await desk.PlanAsync(practice, cancellationToken);
        if (rate.IsOff)
        {
            if (plan is null or { Paused: true })
            {
                turn.Reply("There's no active posting plan to pause. Start one with `posting plan 3/week facebook`.");
                return;
            }

            plan.Paused = true;
            plan.UpdatedAt = time.GetUtcNow();
            turn.Audit("posting.plan.paused", "posting:plan");
            turn.AfterCommit(ct => PostingTriggers.RemoveAsync(scheduler, practice.Id, ct));
            turn.ReplyInChannel(OutboundMessage.Plain(
                "Posting is paused: no assignments and no reminders until a manager sets a plan again (`posting plan 3/week`)."));
            return;
        }

        if (rate.PerWeek > PlanShape.MaxPerWeek)
        {
            turn.Reply($"{rate.PerWeek} posts a week is more than the rotation handles; plan up to {PlanShape.MaxPerWeek} a week.");
            return;
        }

        if (Read(command.Find<IReadOnlyList<string>>("networks") ?? [], rate.PerWeek) is not { } shape)
        {
            turn.Reply(Problem(command.Find<IReadOnlyList<string>>("networks") ?? [], rate.PerWeek));
            return;
        }

        if (plan is null)
        {
            plan = new PostingPlan { PracticeId = practice.Id };
            tokens.Create(plan);
            db.PostingPlans.Add(plan);
        }

        plan.PostsPerWeek = rate.PerWeek;
        if (shape.Networks.Count > 0)
        {
            plan.Networks = shape.Networks;
        }

        plan.Weekdays = shape.Days.Count > 0 ? shape.Days : [.. PlanShape.DefaultDays(rate.PerWeek)];
        plan.DueLocalTime = shape.Due ?? plan.DueLocalTime;
        plan.Paused = false;
        plan.UpdatedAt = time.GetUtcNow();
        turn.Audit("posting.plan.set", "posting:plan", PostingTexts.Summary(plan, practice.TimeZone));
        turn.AfterCommit(ct => PostingTriggers.EnsureAsync(scheduler, practice, plan, ct));

        await db.SaveChangesAsync(cancellationToken); // the slots name the plan
        var fill = await rota.FillAsync(practice, plan, rota.WeeksStartingNow(practice), PostingTexts.StartsNowHeading, cancellationToken);
        var volunteers = (await desk.VolunteersAsync(practice, cancellationToken)).Count;
        turn.ReplyInChannel(OutboundMessage.Plain(
            $"Posting plan: {PostingTexts.Summary(plan, practice.TimeZone)}.\n" +
            $"Each {PostingSchedules.RotateDay} I share out next week's posts among the volunteers ({volunteers} so far) and remind them the day before. " +
            StartsNow(fill) + " Want to help? `posting volunteer`."));
    }

    /// <summary>What the first week's fill did, in a sentence.</summary>
    private static string StartsNow(RotaFill fill) => (fill.Assigned.Count, fill.Open.Count) switch
    {
        (0, 0) => "Nothing is left to share out before then.",
        (var n, 0) => $"No need to wait: {Posts(n)} still to come {(n == 1 ? "is" : "are")} shared out now.",
        (0, var open) => $"{Posts(open)} still to come {(open == 1 ? "waits" : "wait")} for volunteers: whoever volunteers gets {(open == 1 ? "it" : "them")} at once.",
        var (n, open) => $"No need to wait: {Posts(n)} shared out now; {Posts(open)} still {(open == 1 ? "needs" : "need")} a volunteer.",
    };

    private static string Posts(int n) => n == 1 ? "1 post" : $"{n} posts";

    private static PlanWords? Read(IReadOnlyList<string> words, int perWeek)
    {
        var networks = new List<string>();
        var days = new List<DayOfWeek>();
        var times = new List<TimeOnly>();
        foreach (var word in words)
        {
            if (PlanShape.TryWeekday(word, out var day))
            {
                days.Add(day);
            }
            else if (PlanShape.TryTime(word, out var due))
            {
                times.Add(due);
            }
            else
            {
                networks.Add(word);
            }
        }

        return times.Count > 1 || days.Count > perWeek ? null : new PlanWords(networks, days, times.Count == 1 ? times[0] : null);
    }

    private static string Problem(IReadOnlyList<string> words, int perWeek)
    {
        var days = words.Count(w => PlanShape.TryWeekday(w, out _));
        return days > perWeek
            ? $"You picked {days} days for {perWeek} post{(perWeek == 1 ? "" : "s")} a week. Pick at most {perWeek} days, or raise the number: `posting plan {days}/week`."
            : "Give one due time, like `10am`: `posting plan 3/week facebook mon wed fri 10am`.";
    }

    private sealed record PlanWords(List<string> Networks, List<DayOfWeek> Days, TimeOnly? Due);
}
