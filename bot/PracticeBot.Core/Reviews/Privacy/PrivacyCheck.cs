namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>
/// Checks a reply draft for patient information before anyone can publish it (pure). A public reply must never
/// confirm that the reviewer is a patient, identify anyone, or mention care or money matters: practices have paid
/// HIPAA settlements for exactly that.
/// <para>
/// It reads the draft as an analyser rather than a list of phrases: the text is normalised (<see cref="DraftNormaliser"/>),
/// cut into sentences (<see cref="SentenceSplitter"/>), its clinical words found in a vocabulary of a few thousand
/// terms (<see cref="ClinicalVocabulary"/>), and for each sentence it decides who it is about (<see cref="SubjectFinder"/>):
/// the reader, their family, the reviewer by name, or the practice in general. The rules then judge what the sentence
/// says about that subject. See docs/privacy-check.md.
/// </para>
/// </summary>
public static class PrivacyCheck
{
    private static readonly IPrivacyRule[] Rules =
    [
        new ReviewerNameRule(),
        new PersonNameRule(),
        new RelationshipRule(),
        new FamilyRule(),
        new PossessiveCareRule(),
        new ClinicalTermRule(),
        new DateTimeRule(),
        new ContactDetailRule(),
    ];

    /// <param name="draft">The reply as staff wrote it.</param>
    /// <param name="reviewerName">The review's author as the platform shows it; its parts are looked for in the reply.</param>
    /// <param name="practiceName">The practice's own name: a clinical word in it ("Sunrise Pediatric Dental") is not a finding.</param>
    public static PrivacyReport Check(string draft, string? reviewerName = null, string? practiceName = null)
    {
        if (string.IsNullOrWhiteSpace(draft))
        {
            return new PrivacyReport([]);
        }

        var text = DraftText.Analyse(draft, reviewerName, practiceName, ClinicalVocabulary.Shared);
        var hits = new List<PrivacyHit>();
        foreach (var sentence in text.Sentences)
        {
            foreach (var rule in Rules)
            {
                rule.Find(text, sentence, hits);
            }
        }

        return new PrivacyReport(OnePerStretch(hits));
    }

    /// <summary>One finding per stretch of text: the most serious, then the longest; listed in text order.</summary>
    private static List<PrivacyFinding> OnePerStretch(List<PrivacyHit> hits)
    {
        var taken = new List<PrivacyHit>();
        foreach (var hit in hits.OrderByDescending(h => h.Finding.Severity).ThenByDescending(h => h.End - h.Start).ThenBy(h => h.Start))
        {
            if (!taken.Exists(t => hit.Start < t.End && t.Start < hit.End))
            {
                taken.Add(hit);
            }
        }

        return taken.OrderBy(t => t.Start).Select(t => t.Finding).ToList();
    }
}
