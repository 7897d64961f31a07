namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>What a finding says: why the phrase is risky and what to write instead, in the words staff read.</summary>
internal static class PrivacyWording
{
    public const string GeneralInstead =
        "Talk about the practice in general (“We aim to …”, “Our team is committed to …”) and invite them to call the office.";

    public const string NoNames = "Leave names out: “Thank you for your feedback” works for everyone.";

    public const string NoDates = "Leave dates and times out; say “we're sorry about the wait” without saying when.";

    public const string BillingInstead = "Invite them to call the office about any billing question, without details.";

    public static string WhyTerm(VocabularyCategory category) => category switch
    {
        VocabularyCategory.Medication => "It names a medicine, which tells readers what someone is treated for.",
        VocabularyCategory.Procedure => "It names a procedure or treatment, which describes someone's care.",
        VocabularyCategory.Dental => "It names dental work, which describes someone's care.",
        VocabularyCategory.Condition => "It names a health condition or symptom.",
        VocabularyCategory.Test => "It mentions a test or its results, which describes someone's care.",
        VocabularyCategory.Vital => "It mentions a measurement (blood pressure, weight, readings), which is health information.",
        VocabularyCategory.Behavioral => "It mentions mental or behavioural health, among the most sensitive information there is.",
        VocabularyCategory.Pregnancy => "It mentions pregnancy or birth, which is health information.",
        VocabularyCategory.Vaccine => "It mentions a vaccination, which describes someone's care.",
        VocabularyCategory.Device => "It mentions a medical device, which hints at a condition.",
        VocabularyCategory.Anatomy => "It describes a part of someone's body in a care context.",
        VocabularyCategory.Billing => "It discusses insurance or payment for someone's care.",
        VocabularyCategory.Encounter => "It refers to a visit, which confirms someone is a patient.",
        VocabularyCategory.Provider => "It names someone's clinician, which confirms they are a patient.",
        _ => "It describes someone's care.",
    };

    public static string InsteadFor(VocabularyCategory category) =>
        category == VocabularyCategory.Billing ? BillingInstead : GeneralInstead;
}
