using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Scheduling;

/// <summary>
/// A feature's per-practice triggers, brought in line with the practice's current state (its plan, its time zone)
/// on demand: after the time zone changes, and when the host starts (which also repairs a trigger lost between a
/// commit and its scheduling). Features register one each; syncing twice changes nothing.
/// </summary>
public interface IPracticeSchedules
{
    Task SyncAsync(Practice practice, CancellationToken cancellationToken);
}
