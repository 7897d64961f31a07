using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Posting;

/// <summary>
/// The weekly rotation (<see cref="PostingSchedules.Rotate"/>): next week's slots, each given fairly to a volunteer
/// (<see cref="PostingRota"/>), announced in the channel, a DM to each assignee, and the managers told at once about
/// any slot nobody can take. Runs once per week: a week that already has slots (the first week's fill may have made
/// them) is left alone.
/// </summary>
public sealed partial class AssignNextWeek(PracticeBotDb db, PostingDesk desk, PostingRota rota, ILogger<AssignNextWeek> logger) : IBotHandler<ScheduleFired>
{
    public async ValueTask HandleAsync(ScheduleFired fired, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        if (await desk.PlanAsync(practice, cancellationToken) is not { Paused: false } plan)
        {
            return;
        }

        var monday = PostingClock.NextWeekStart(PostingClock.LocalDate(fired.ScheduledFor, PostingDesk.Zone(practice)));
        var sunday = monday.AddDays(6);
        await rota.LockAsync(plan, cancellationToken);
        if (await db.PostingSlots.AnyAsync(s => s.PracticeId == practice.Id && s.Date >= monday && s.Date <= sunday, cancellationToken))
        {
            return;
        }

        var fill = await rota.FillAsync(practice, plan, [monday], PostingTexts.WeekHeading(monday), cancellationToken);
        if (fill.Open.Count > 0)
        {
            await desk.TellManagersAsync(practice,
                $"No volunteer is available for {string.Join(", ", fill.Open.Select(s => PostingTexts.Slot(s, plan)))}. " +
                (fill.Volunteers == 0 ? "Nobody has volunteered yet: ask the team to `posting volunteer`." : "Everyone is away or already busy those days.") +
                " You could post it yourself, or ask someone to volunteer.", cancellationToken);
        }

        var count = fill.Assigned.Count + fill.Open.Count;
        turn.Audit("posting.rotation", $"week:{monday:yyyy-MM-dd}", $"{count} slots, {fill.Open.Count} without a volunteer");
        LogAssigned(logger, practice.Id, count, fill.Open.Count, monday);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Practice {PracticeId}: assigned {Count} posting slots ({Open} open) for the week of {Monday}")]
    private static partial void LogAssigned(ILogger logger, long practiceId, int count, int open, DateOnly monday);
}
