namespace PracticeBot.Core.CheckIns;

/// <summary>Nudge kinds the check-in stores.</summary>
public static class CheckInKinds
{
    /// <summary>A sent weekly check-in; its subject is the week key, so a week is sent once.</summary>
    public const string Week = "checkin.week";

    /// <summary>A ladder rung's subject: the item and the week, so an item is nudged once a week.</summary>
    public static string Subject(string item, string weekKey) => $"{item}@{weekKey}";
}
