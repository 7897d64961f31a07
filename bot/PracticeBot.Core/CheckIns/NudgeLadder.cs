namespace PracticeBot.Core.CheckIns;

/// <summary>
/// The rungs of the ladder (pure): a stalled item's first week goes to its owner, its second to the owner and the
/// managers, its third and later to the channel. A week without the stall breaks the run, so the next stall starts
/// again at the owner.
/// </summary>
public static class NudgeLadder
{
    public const int Owner = 0;
    public const int Manager = 1;
    public const int Channel = 2;

    /// <summary>This week's rung, from the rung sent in the previous week's check-in (null: none was).</summary>
    public static int Next(int? lastWeek) => lastWeek is { } level ? Math.Min(level + 1, Channel) : Owner;

    public static bool TellsOwner(int level) => level <= Manager;

    public static bool TellsManagers(int level) => level == Manager;

    public static bool TellsChannel(int level) => level >= Channel;
}
