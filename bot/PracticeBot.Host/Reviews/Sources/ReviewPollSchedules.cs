using PracticeBot.Core.Practices;
using PracticeBot.Core.Scheduling;

namespace PracticeBot.Host.Reviews.Sources;

/// <summary>Review polling's part in keeping a practice's triggers in line (a practice set up while the host runs).</summary>
public sealed class ReviewPollSchedules(ReviewPollScheduler poller) : IPracticeSchedules
{
    public Task SyncAsync(Practice practice, CancellationToken cancellationToken) => poller.SyncPracticeAsync(practice, cancellationToken);
}
