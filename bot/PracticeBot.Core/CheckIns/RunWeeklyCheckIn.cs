using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.CheckIns;

/// <summary>
/// The weekly trigger (<see cref="CheckInSchedules.Weekly"/>). The week is named by the time the trigger was meant to
/// fire, and recorded as a nudge of kind <see cref="CheckInKinds.Week"/>: a trigger firing twice, or once late after
/// downtime, sends that week's check-in once: the week's nudge is saved with the digest and the nudges, and its unique
/// index refuses a second one. So the turn needs no write lock while it reads and draws the chart (its route is
/// <see cref="Conversation.Routing.Route.TrackedWritesOnly"/>): thousands of practices' check-ins run side by side.
/// </summary>
public sealed class RunWeeklyCheckIn(PracticeBotDb db, CheckInRun run, TimeProvider time) : IBotHandler<ScheduleFired>
{
    public async ValueTask HandleAsync(ScheduleFired fired, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        var week = CheckInDesk.WeekOf(practice, fired.ScheduledFor);
        if (await CheckInQueries.WeekSent.For(db)(db, practice.Id, week.Key, cancellationToken))
        {
            return;
        }

        db.Nudges.Add(new Nudge { PracticeId = practice.Id, Kind = CheckInKinds.Week, Subject = week.Key, SentAt = time.GetUtcNow() });
        await run.RunAsync(practice, week, turn, cancellationToken);
    }
}
