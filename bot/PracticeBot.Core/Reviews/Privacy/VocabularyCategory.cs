namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>What a word of the clinical vocabulary is about; the category chooses the explanation a finding gives.</summary>
internal enum VocabularyCategory
{
    Medication,
    Procedure,
    Dental,
    Condition,
    Test,
    Vital,
    Behavioral,
    Pregnancy,
    Vaccine,
    Anatomy,
    Device,
    Billing,
    /// <summary>Visits, appointments, records: only a disclosure when tied to the person.</summary>
    Encounter,
    /// <summary>Doctors, nurses, hygienists: only a disclosure as "your doctor".</summary>
    Provider,
}
