namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>
/// A draft prepared for the rules: normalised, split into words and sentences, its vocabulary found, the practice's
/// own name marked (a clinical word in "Sunrise Pediatric Dental" is not about anyone), and who each sentence is about.
/// </summary>
internal sealed class DraftText
{
    private readonly List<(int Start, int End)> _practiceName = [];

    private DraftText(string text, IReadOnlySet<string> reviewerName)
    {
        Text = text;
        Lower = text.ToLowerInvariant();
        ReviewerName = reviewerName;
        IsAllLowerCase = !text.Any(char.IsUpper);
    }

    /// <summary>The normalised draft, in its own case; findings quote from it.</summary>
    public string Text { get; }

    /// <summary><see cref="Text"/> in lower case, character for character (same length and positions).</summary>
    public string Lower { get; }

    public IReadOnlySet<string> ReviewerName { get; }

    /// <summary>No capital anywhere: case says nothing about names in this draft.</summary>
    public bool IsAllLowerCase { get; }

    public IReadOnlyList<DraftSentence> Sentences { get; private set; } = [];

    public static DraftText Analyse(string draft, string? reviewerName, string? practiceName, ClinicalVocabulary vocabulary)
    {
        var text = new DraftText(DraftNormaliser.Normalise(draft), ReviewerNames.Parts(reviewerName));
        text.MarkPracticeName(practiceName);
        var tokens = DraftTokeniser.Tokenise(text.Text, text.Lower);
        var sentences = new List<DraftSentence>();
        var next = 0;
        foreach (var (start, end) in SentenceSplitter.Split(text.Text))
        {
            while (next < tokens.Count && tokens[next].Start < start)
            {
                next++;
            }

            var first = next;
            while (next < tokens.Count && tokens[next].Start < end)
            {
                next++;
            }

            var words = tokens.GetRange(first, next - first);
            var terms = vocabulary.Find(words).Where(m => !text.InPracticeName(words[m.First].Start, words[m.First + m.Count - 1].End)).ToList();
            sentences.Add(new DraftSentence { Start = start, End = end, Tokens = words, Terms = terms });
        }

        text.Sentences = sentences;
        foreach (var sentence in sentences)
        {
            sentence.Subject = SubjectFinder.Find(text, sentence);
        }

        return text;
    }

    public bool InPracticeName(int start, int end) => _practiceName.Any(p => start < p.End && p.Start < end);

    public string Quote(int start, int end) => Text[start..end].Trim();

    private void MarkPracticeName(string? name)
    {
        var normalised = DraftNormaliser.Normalise(name ?? "").Trim().ToLowerInvariant();
        if (normalised.Length < 3)
        {
            return;
        }

        for (var at = Lower.IndexOf(normalised, StringComparison.Ordinal); at >= 0; at = Lower.IndexOf(normalised, at + normalised.Length, StringComparison.Ordinal))
        {
            _practiceName.Add((at, at + normalised.Length));
        }
    }
}
