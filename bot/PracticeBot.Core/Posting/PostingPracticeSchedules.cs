using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Scheduling;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Posting;

/// <summary>Posting's triggers follow the plan: present while it is active, in the practice's time zone; gone otherwise.</summary>
public sealed class PostingPracticeSchedules(PracticeBotDb db, IBotScheduler scheduler) : IPracticeSchedules
{
    public async Task SyncAsync(Practice practice, CancellationToken cancellationToken)
    {
        var plan = await db.PostingPlans.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.PracticeId == practice.Id, cancellationToken);
        if (plan is { Paused: false })
        {
            await PostingTriggers.EnsureAsync(scheduler, practice, plan, cancellationToken);
        }
        else
        {
            await PostingTriggers.RemoveAsync(scheduler, practice.Id, cancellationToken);
        }
    }
}
