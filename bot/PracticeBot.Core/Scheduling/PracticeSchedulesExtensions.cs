using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Scheduling;

public static class PracticeSchedulesExtensions
{
    /// <summary>Brings every feature's triggers of <paramref name="practice"/> in line with it.</summary>
    public static async Task SyncAllAsync(this IEnumerable<IPracticeSchedules> schedules, Practice practice, CancellationToken cancellationToken)
    {
        foreach (var schedule in schedules)
        {
            await schedule.SyncAsync(practice, cancellationToken);
        }
    }
}
