using System.Text.RegularExpressions;

namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>Ages, amounts of money, phone numbers and email addresses.</summary>
internal sealed partial class ContactDetailRule : IPrivacyRule
{
    public void Find(DraftText draft, DraftSentence sentence, List<PrivacyHit> hits)
    {
        var text = draft.Lower.AsSpan(sentence.Start, sentence.End - sentence.Start);
        // Each of these needs a digit, "age" or "@": most sentences have none, and the regexes are then skipped.
        if (!text.ContainsAnyInRange('0', '9') && !text.Contains("age", StringComparison.Ordinal) && !text.Contains('@'))
        {
            return;
        }

        Add(draft, sentence, hits, Age(), text, PrivacySeverity.High, PrivacyRisk.PersonalDetail, "An age identifies a person.", "Leave ages out.");
        Add(draft, sentence, hits, Money(), text,
            sentence.Subject.IsAboutSomeone || sentence.Terms.Any(t => t.Category == VocabularyCategory.Billing) ? PrivacySeverity.High : PrivacySeverity.Caution,
            PrivacyRisk.ClinicalOrBilling, "An amount of money tied to a bill reveals that someone received care and what it cost.", PrivacyWording.BillingInstead);
        Add(draft, sentence, hits, Phone(), text, PrivacySeverity.Caution, PrivacyRisk.PersonalDetail,
            "A phone number is fine only if it is the office's own, never the reviewer's.", "Give only the office's main number.");
        Add(draft, sentence, hits, Email(), text, PrivacySeverity.Caution, PrivacyRisk.PersonalDetail,
            "An email address is fine only if it is the office's own, never the reviewer's.", "Give only the office's general address.");
    }

    private static void Add(DraftText draft, DraftSentence sentence, List<PrivacyHit> hits, Regex regex, ReadOnlySpan<char> text, PrivacySeverity severity, PrivacyRisk risk, string why, string instead)
    {
        foreach (var match in regex.EnumerateMatches(text))
        {
            var start = sentence.Start + match.Index;
            var end = start + match.Length;
            hits.Add(new PrivacyHit(start, end, new PrivacyFinding(draft.Quote(start, end), risk, severity, why, instead)));
        }
    }

    [GeneratedRegex(@"\b\d{1,3}[- ](?:year|yr|month|week)s?[- ]old\b|\baged?\s+\d{1,3}\b|\byour age\b|\bat your age\b", RegexOptions.CultureInvariant)]
    private static partial Regex Age();

    [GeneratedRegex(@"\$\s?\d[\d,]*(?:\.\d{2})?|\b\d[\d,]*(?:\.\d{2})?\s?(?:dollars|usd)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Money();

    [GeneratedRegex(@"(?<!\d)(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
