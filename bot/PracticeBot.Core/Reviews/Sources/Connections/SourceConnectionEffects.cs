using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Scheduling;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews.Sources.Connections;

/// <summary>What connecting or disconnecting a source changes besides its row.</summary>
public static class SourceConnectionEffects
{
    /// <summary>A new location starts from a fresh cursor: the old one belonged to another location or account.</summary>
    public static async Task ResetSyncAsync(PracticeBotDb db, long practiceId, string source, CancellationToken ct)
    {
        var sync = await db.SourceSyncs.SingleOrDefaultAsync(s => s.PracticeId == practiceId && s.Source == source, ct);
        if (sync is not null)
        {
            db.SourceSyncs.Remove(sync);
        }
    }

    /// <summary>After the commit: the practice's poll triggers follow its sources.</summary>
    public static async Task SyncSchedulesAsync(IEnumerable<IPracticeSchedules> schedules, Practice practice, CancellationToken ct)
    {
        foreach (var schedule in schedules)
        {
            await schedule.SyncAsync(practice, ct);
        }
    }
}
