namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>
/// Care given to someone else: "your daughter", "your son's", "your kids" in a sentence about care ("felt comfortable
/// during her first exam", "is feeling better") discloses that family member's care. A family member in a sentence
/// with no care in it ("please give our best to your family") is only worth a second look.
/// </summary>
internal sealed class FamilyRule : IPrivacyRule
{
    /// <summary>How a reply speaks of someone's care without a clinical word.</summary>
    private static readonly HashSet<string> CareWords = new(StringComparer.Ordinal)
    {
        "brave", "better", "healing", "heal", "healed", "recovering", "recovery", "comfortable", "bringing", "brought", "checkup",
        "checkups", "treated", "treat", "seen", "saw", "meeting", "met", "sport", "cried", "scared", "nervous", "calm", "well",
        "improving", "progress", "sleeping", "eating", "feeding", "growing", "care", "cared", "caring", "visit", "visits", "appointment",
    };

    public void Find(DraftText draft, DraftSentence sentence, List<PrivacyHit> hits)
    {
        if (sentence.Subject.Family.Count == 0)
        {
            return;
        }

        var aboutCare = sentence.Terms.Count > 0 || sentence.Tokens.Any(t => CareWords.Contains(t.Lower));
        foreach (var (start, end) in sentence.Subject.Family)
        {
            hits.Add(new PrivacyHit(start, end, new PrivacyFinding(
                draft.Quote(start, end), PrivacyRisk.CareRelationship,
                aboutCare ? PrivacySeverity.High : PrivacySeverity.Caution,
                aboutCare
                    ? "It speaks of a family member's care, which discloses that they are a patient and how they are doing."
                    : "Mentioning a family member can reveal who was cared for.",
                "Leave family members out; thank the reviewer for the feedback and invite them to call the office.")));
        }
    }
}
