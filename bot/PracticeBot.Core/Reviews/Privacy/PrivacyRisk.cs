namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>What kind of patient information a phrase in a reply could give away.</summary>
public enum PrivacyRisk
{
    /// <summary>It confirms the reviewer is (or was) a patient: "your visit", "our records show".</summary>
    CareRelationship,
    /// <summary>It identifies someone: a name, a date, an age, contact details.</summary>
    PersonalDetail,
    /// <summary>It names a condition, a procedure, a medicine, or money matters of someone's care.</summary>
    ClinicalOrBilling,
}

/// <summary>How bad it is. A high-risk draft is not published without a manager's written override.</summary>
public enum PrivacySeverity
{
    /// <summary>Worth a second look; may be fine (the office's own phone number, a general word).</summary>
    Caution,
    /// <summary>Discloses protected information if published.</summary>
    High,
}
