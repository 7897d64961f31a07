using System.Text.RegularExpressions;

namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>
/// Names of people: a greeting or a title with a name ("Hi Jennifer", "Mrs. Alvarez") identifies someone; a staff
/// member's name ("Dr. Patel", "our hygienist Jessica", "Sarah at the front desk") is worth a second look, and a
/// disclosure when the sentence ties that person to the reader's care.
/// </summary>
internal sealed partial class PersonNameRule : IPrivacyRule
{
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "there", "everyone", "everybody", "all", "folks", "friend", "friends", "team", "again", "and", "neighbor", "neighbors",
        "neighbour", "neighbours", "guys", "y'all", "you", "to", "from", "thank", "thanks", "the", "our", "we", "we're", "we've",
        "we'd", "i", "i'm", "it", "this", "that", "so", "just", "staff", "someone", "anyone", "nobody", "somebody", "people",
        "patients", "please", "sorry", "today", "yesterday", "whoever", "everyone's", "office", "front", "billing", "calls", "questions",
        "a", "an", "is", "was", "will", "would", "can", "could", "morning", "afternoon", "evening", "welcome", "name", "reviewer",
        "as", "but", "if", "when", "while", "since", "because", "also", "with", "for", "hello", "hi", "hey", "dear", "yes", "no", "of",
        "on", "in", "at", "by", "what", "how", "why", "who", "after", "before", "then", "let", "let's", "glad", "happy", "great",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "google", "yelp", "facebook", "community",
    };

    public void Find(DraftText draft, DraftSentence sentence, List<PrivacyHit> hits)
    {
        var text = draft.Text.AsSpan(sentence.Start, sentence.End - sentence.Start);
        foreach (var match in Greeting().EnumerateMatches(text))
        {
            Add(draft, sentence, hits, match, "name", PrivacySeverity.High, "It greets someone by name, which ties the reply to a patient.",
                "Start with “Thank you for your feedback.”");
        }

        foreach (var match in Honorific().EnumerateMatches(text))
        {
            Add(draft, sentence, hits, match, "name", PrivacySeverity.High, "It names a person.", "Leave names out.");
        }

        // A clinician's name alone may be a compliment to pass on; tied to the reader or to care, it describes their care.
        var tied = sentence.Subject.IsAboutSomeone || sentence.Terms.Any(t => t.Category is not (VocabularyCategory.Provider or VocabularyCategory.Anatomy));
        var (severity, why) = tied
            ? (PrivacySeverity.High, "It names a staff member in connection with someone's care, which confirms who was treated and by whom.")
            : (PrivacySeverity.Caution, "Naming a clinician can tie the reviewer to their care.");
        foreach (var regex in new[] { StaffTitle(), RoleThenName(), NameThenRole() })
        {
            foreach (var match in regex.EnumerateMatches(text))
            {
                Add(draft, sentence, hits, match, "staff", severity, why, "Say “our team” or “our providers”.");
            }
        }
    }

    private static void Add(DraftText draft, DraftSentence sentence, List<PrivacyHit> hits, ValueMatch match, string group, PrivacySeverity severity, string why, string instead)
    {
        var start = sentence.Start + match.Index;
        var end = start + match.Length;
        var value = draft.Text[start..end];
        if (draft.InPracticeName(start, end) || NamesNobody(value, group, draft.IsAllLowerCase))
        {
            return;
        }

        hits.Add(new PrivacyHit(start, end, new PrivacyFinding(draft.Quote(start, end), PrivacyRisk.PersonalDetail, severity, why, instead)));
    }

    /// <summary>Whether every capitalised word the match takes for a name is an ordinary word ("Hi there", "Hello Everyone").</summary>
    private static bool NamesNobody(string value, string group, bool allLowerCase)
    {
        var words = value.Split([' ', ',', '.', '!'], StringSplitOptions.RemoveEmptyEntries);
        var candidates = group == "name"
            ? words.Skip(1).Where(w => !IsTitle(w) && w is not ("morning" or "afternoon" or "evening"))
            : words.Where(w => w.Length > 1 && char.IsUpper(w[0]) && !IsTitle(w) && !IsRole(w));
        return !candidates.Any(w => !NotNames.Contains(w) && (allLowerCase || char.IsUpper(w[0])));
    }

    private static bool IsTitle(string word) =>
        word.TrimEnd('.').ToLowerInvariant() is "mr" or "mrs" or "ms" or "miss" or "mx" or "dr" or "doctor" or "nurse" or "np" or "pa" or "good";

    private static bool IsRole(string word) => word.ToLowerInvariant() is "our" or "your" or "the" or "at" or "from" or "in";

    [GeneratedRegex(@"\b(?i:dear|hi|hello|hey|good (?:morning|afternoon|evening))[ ,]+(?:(?i:mr|mrs|ms|miss|mx|dr)\.?\s+)?\p{L}[\p{L}'-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"\b(?:(?i:mr|mrs|ms|mx)\.?|Miss)\s+\p{Lu}[\p{L}'-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Honorific();

    [GeneratedRegex(@"\b(?i:dr|doctor|nurse|np|pa)\.?\s+\p{Lu}[\p{Ll}'-]+", RegexOptions.CultureInvariant)]
    private static partial Regex StaffTitle();

    private const string Roles =
        "hygienist|dental assistant|assistant|nurse|nurse practitioner|therapist|physical therapist|receptionist|dentist|doctor|provider|midwife|counselor|medical assistant|technician|tech|surgeon|pediatrician|physician assistant|office manager|billing specialist|coordinator|phlebotomist|optometrist|chiropractor";

    [GeneratedRegex(@"\b(?i:our|your|the) (?i:" + Roles + @"),? \p{Lu}[\p{Ll}'-]+", RegexOptions.CultureInvariant)]
    private static partial Regex RoleThenName();

    [GeneratedRegex(@"\b\p{Lu}[\p{Ll}'-]+,? (?:(?i:our|your) (?i:" + Roles + @")|(?i:at|from|in) (?i:the |our )?(?i:front desk|reception|billing|the lab|lab|check-in|checkout))\b", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenRole();
}
