namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>One word of a normalised draft: where it is, as written, and in lower case.</summary>
internal readonly record struct DraftToken(int Start, int Length, string Text, string Lower)
{
    public int End => Start + Length;

    /// <summary>"Grace", not "grace" or "GRACE": how a name is written in running text.</summary>
    public bool IsTitleCase => Text.Length > 1 && char.IsUpper(Text[0]) && Text.Skip(1).All(c => !char.IsUpper(c));
}
