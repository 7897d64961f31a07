namespace PracticeBot.Core.Posting;

public enum SlotStatus
{
    /// <summary>Nobody is available for it (the managers were told).</summary>
    Open,
    Assigned,
    Done,
    /// <summary>Skipped by everyone available; kept so the week's record is complete.</summary>
    Skipped,
    /// <summary>Still open a day after its due time.</summary>
    Missed,
}
