namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>
/// "your visit", "your blood pressure", "your outstanding balance", "your new primary care doctor": care, a measure,
/// a bill or a clinician that belongs to the reader. With "his", "her" or "their" the same holds when the sentence is
/// about the reader or their family ("your mother ... her hip").
/// </summary>
internal sealed class PossessiveCareRule : IPrivacyRule
{
    /// <summary>Care words that are too ordinary for the vocabulary but tell a story after "your".</summary>
    private static readonly HashSet<string> CareNouns = new(StringComparer.Ordinal)
    {
        "care", "health", "healthcare", "slot", "wait", "recovery", "history", "file", "records", "record", "chart", "numbers",
        "levels", "progress", "case", "symptoms", "stay", "mouth", "smile", "body",
    };

    public void Find(DraftText draft, DraftSentence sentence, List<PrivacyHit> hits)
    {
        var tokens = sentence.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var owner = tokens[i].Lower;
            var reader = sentence.Subject.ReaderPossessives.Contains(tokens[i].Start);
            var someone = owner is "his" or "her" or "their" && sentence.Subject.IsAboutThem;
            if (!reader && !someone)
            {
                continue;
            }

            if (Owned(sentence, i, reader) is { } end)
            {
                var start = tokens[i].Start;
                hits.Add(new PrivacyHit(start, end.End, new PrivacyFinding(
                    draft.Quote(start, end.End), PrivacyRisk.CareRelationship, PrivacySeverity.High,
                    reader
                        ? $"“{owner} …” about care or a bill confirms the reader is a patient. {PrivacyWording.WhyTerm(end.Category)}"
                        : $"It describes the care of someone the reply is about. {PrivacyWording.WhyTerm(end.Category)}",
                    PrivacyWording.InsteadFor(end.Category))));
            }
        }
    }

    /// <summary>The end of a care word within three words after the possessive at <paramref name="at"/>.</summary>
    private static (int End, VocabularyCategory Category)? Owned(DraftSentence sentence, int at, bool reader)
    {
        var tokens = sentence.Tokens;
        for (var i = at + 1; i < tokens.Count && i <= at + 3; i++)
        {
            if (i > at + 1 && tokens[i].Lower is "your" or "his" or "her" or "their" or "and" or "or" or "but" or "to" or "that" or "which" or "who" or "was" or "is" or "were")
            {
                return null;
            }

            foreach (var term in sentence.Terms)
            {
                if (term.First == i && (reader || term.Category is not (VocabularyCategory.Provider or VocabularyCategory.Billing)))
                {
                    return (tokens[term.First + term.Count - 1].End, term.Category);
                }
            }

            if (DraftTokeniser.BaseForms(tokens[i].Lower).Any(CareNouns.Contains))
            {
                return (tokens[i].End, VocabularyCategory.Encounter);
            }
        }

        return null;
    }
}
