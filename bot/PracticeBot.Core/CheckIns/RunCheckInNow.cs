using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Scheduling;

namespace PracticeBot.Core.CheckIns;

/// <summary><c>practice checkin</c> (managers): runs the check-in now, whatever the schedule says, and ensures the weekly trigger.</summary>
public sealed class RunCheckInNow(CheckInRun run, IBotScheduler scheduler, TimeProvider time) : IBotHandler<CommandInvocation>
{
    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        if (practice.Channel is null)
        {
            turn.Reply("The practice has no channel yet, so there's nowhere to post the check-in. Run `practice setup` in the team's channel.");
            return;
        }

        await run.RunAsync(practice, CheckInDesk.WeekOf(practice, time.GetUtcNow()), turn, cancellationToken);
        // A practice set up since the host started has no weekly trigger until the next start; this gives it one.
        turn.AfterCommit(ct => new CheckInPracticeSchedules(scheduler).SyncAsync(practice, ct));
        turn.Reply("Done: the check-in is posted in the channel, and anyone with a stalled item has their nudge.");
    }
}
