namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>One sentence of a draft: its place, its words, the vocabulary in it, and who it is about.</summary>
internal sealed class DraftSentence
{
    public required int Start { get; init; }
    public required int End { get; init; }
    /// <summary>The sentence's tokens (a slice of the draft's).</summary>
    public required IReadOnlyList<DraftToken> Tokens { get; init; }
    /// <summary>Vocabulary terms, with token indexes into <see cref="Tokens"/>; none inside the practice's name.</summary>
    public required IReadOnlyList<VocabularyMatch> Terms { get; init; }
    public SentenceSubject Subject { get; set; } = SentenceSubject.None;

    public (int Start, int End) Span(VocabularyMatch term) => (Tokens[term.First].Start, Tokens[term.First + term.Count - 1].End);
}
