namespace PracticeBot.Core.CheckIns;

/// <summary>Who is first told about a stalled item.</summary>
public enum StallOwner
{
    /// <summary>One member: the claimant of a review.</summary>
    Member,
    /// <summary>The posting volunteers (plan-level stalls).</summary>
    Volunteers,
    /// <summary>The responders (a review nobody has claimed).</summary>
    Responders,
    /// <summary>The managers (nobody else can fix it).</summary>
    Managers,
}
