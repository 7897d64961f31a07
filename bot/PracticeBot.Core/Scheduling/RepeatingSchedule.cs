namespace PracticeBot.Core.Scheduling;

/// <summary>
/// A deployment-wide sweep a feature needs (registered as a singleton); the host ensures its trigger at start through
/// <see cref="IBotScheduler.EnsureRepeatingAsync"/>.
/// </summary>
public sealed record RepeatingSchedule(string ScheduleId, TimeSpan Every);
