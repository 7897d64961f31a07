namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>
/// Splits normalised text into words: runs of letters and digits, with an apostrophe kept inside a word ("son's",
/// "you're"). A hyphen splits, so "co-pay" and "co pay" read the same; the vocabulary is keyed the same way.
/// </summary>
internal static class DraftTokeniser
{
    public static List<DraftToken> Tokenise(string text, string lower)
    {
        var tokens = new List<DraftToken>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i])
                || (text[i] == '\'' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start)))
            {
                i++;
            }

            // A trailing possessive apostrophe ("twins'") belongs to the word.
            var end = i < text.Length && text[i] == '\'' && text[i - 1] is 's' or 'S' ? i + 1 : i;
            tokens.Add(new DraftToken(start, end - start, text[start..end], lower[start..end]));
            i = end;
        }

        return tokens;
    }

    /// <summary>The forms a word is looked up under: as written, without a possessive, and as a singular.</summary>
    public static IEnumerable<string> BaseForms(string word)
    {
        yield return word;
        var bare = word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word.EndsWith('\'') ? word[..^1] : word;
        if (bare != word)
        {
            yield return bare;
        }

        if (bare.Length > 3 && bare.EndsWith("ies", StringComparison.Ordinal))
        {
            yield return bare[..^3] + "y";
        }

        if (bare.Length > 3 && bare.EndsWith("es", StringComparison.Ordinal))
        {
            yield return bare[..^2];
        }

        if (bare.Length > 2 && bare.EndsWith('s') && !bare.EndsWith("ss", StringComparison.Ordinal))
        {
            yield return bare[..^1];
        }
    }
}
