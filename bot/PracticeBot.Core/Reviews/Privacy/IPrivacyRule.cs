namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>One kind of disclosure, looked for sentence by sentence.</summary>
internal interface IPrivacyRule
{
    void Find(DraftText draft, DraftSentence sentence, List<PrivacyHit> hits);
}
