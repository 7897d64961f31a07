namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>
/// Cuts normalised text into sentences: after '.', '!' or '?' followed by a space, and at line breaks. A semicolon
/// does not end a sentence ("give our best to your mother; we hope her hip is healing"): what follows it is usually
/// about the same person. Titles and initials ("Dr.", "J.", "a.m.") do not end one either.
/// </summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "mr", "mrs", "ms", "mx", "st", "jr", "sr", "prof", "vs", "etc", "no", "approx", "dept", "appt", "ave", "inc", "co",
    };

    private static readonly System.Buffers.SearchValues<char> Blank = System.Buffers.SearchValues.Create(" \r\n.!?\"'");

    public static List<(int Start, int End)> Split(string text)
    {
        var sentences = new List<(int Start, int End)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ends = c is '\n' or '\r'
                || (c is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]) || text[i + 1] is '"' or ')')
                    && !(c == '.' && IsAbbreviation(text, i)));
            if (ends)
            {
                Add(sentences, text, start, i + 1);
                start = i + 1;
            }
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        return word.Length == 1 || Abbreviations.Contains(word);
    }

    private static void Add(List<(int Start, int End)> sentences, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        if (end > start && text.AsSpan(start, end - start).ContainsAnyExcept(Blank))
        {
            sentences.Add((start, end));
        }
    }
}
