namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>The reviewer's own name in the reply ties the public reply to a patient.</summary>
internal sealed class ReviewerNameRule : IPrivacyRule
{
    public void Find(DraftText draft, DraftSentence sentence, List<PrivacyHit> hits)
    {
        foreach (var (start, end) in sentence.Subject.ReviewerName)
        {
            hits.Add(new PrivacyHit(start, end, new PrivacyFinding(
                draft.Quote(start, end), PrivacyRisk.PersonalDetail, PrivacySeverity.High,
                "It uses the reviewer's name, which confirms who the patient is.", PrivacyWording.NoNames)));
        }
    }
}
