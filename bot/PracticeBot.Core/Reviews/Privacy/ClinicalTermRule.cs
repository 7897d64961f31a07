namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>
/// A term of the clinical vocabulary. About a person (the reader, their family, the reviewer by name, a particular
/// "he" or "she") any term is a disclosure; in a sentence about no one, a clearly clinical ("strong") term is still one,
/// because a reply is read as being about the reviewer ("Congratulations on the pregnancy!"), unless the sentence
/// speaks of the practice in general ("We offer flu shots every autumn", "We accept most insurance").
/// </summary>
internal sealed class ClinicalTermRule : IPrivacyRule
{
    public void Find(DraftText draft, DraftSentence sentence, List<PrivacyHit> hits)
    {
        var subject = sentence.Subject;
        foreach (var term in sentence.Terms)
        {
            var counts = term.Category switch
            {
                // A clinician or a body part is only a disclosure as someone's: the possessive and family rules see those.
                VocabularyCategory.Provider or VocabularyCategory.Anatomy => false,
                // "We offer same-day appointments" says nothing; "we couldn't fit your visit in" does.
                VocabularyCategory.Encounter => subject.SecondPerson || subject.Family.Count > 0,
                _ => subject.IsAboutSomeone || (term.Strong && !subject.PracticeInGeneral),
            };
            if (!counts)
            {
                continue;
            }

            var (start, end) = sentence.Span(term);
            hits.Add(new PrivacyHit(start, end, new PrivacyFinding(
                draft.Quote(start, end),
                term.Category == VocabularyCategory.Encounter ? PrivacyRisk.CareRelationship : PrivacyRisk.ClinicalOrBilling,
                PrivacySeverity.High,
                PrivacyWording.WhyTerm(term.Category),
                PrivacyWording.InsteadFor(term.Category))));
        }
    }
}
