using System.Text;

namespace PracticeBot.Core.Conversation.Commands;

/// <summary>A word of a command and where it starts and ends in the line, so free text can be taken verbatim.</summary>
/// <param name="End">Index just past the word, its closing quote included.</param>
internal readonly record struct Token(string Value, int Start, int End, bool Quoted)
{
    /// <summary>True for a word in quotes that were closed; an unclosed quote runs to the end of the line.</summary>
    public bool ClosedQuote => Quoted && End - Start == Value.Length + 2;
}

/// <summary>
/// Splits a command line into words. Double quotes (straight or curly) group words; a mention
/// <c>&lt;@id|Some Name&gt;</c> is one word even with spaces in the name. Never throws.
/// </summary>
internal static class Tokenizer
{
    public static List<Token> Split(string line)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < line.Length)
        {
            if (IsSpace(line[i]))
            {
                i++;
                continue;
            }

            var start = i;
            if (IsOpenQuote(line[i]))
            {
                var close = IndexOfCloseQuote(line, i + 1);
                var end = close < 0 ? line.Length : close;
                i = close < 0 ? line.Length : close + 1;
                tokens.Add(new Token(line[(start + 1)..end], start, i, Quoted: true));
                continue;
            }

            if (line[i] == '<' && i + 1 < line.Length && line[i + 1] == '@')
            {
                var close = line.IndexOf('>', i);
                if (close > 0)
                {
                    i = close + 1;
                    tokens.Add(new Token(line[start..i], start, i, Quoted: false));
                    continue;
                }
            }

            var word = new StringBuilder();
            while (i < line.Length && !IsSpace(line[i]))
            {
                word.Append(line[i]);
                i++;
            }

            tokens.Add(new Token(word.ToString(), start, i, Quoted: false));
        }

        return tokens;
    }

    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u00A0';

    private static bool IsOpenQuote(char c) => c is '"' or '\u201C' or '\u201D';

    private static int IndexOfCloseQuote(string line, int from)
    {
        for (var j = from; j < line.Length; j++)
        {
            if (line[j] is '"' or '\u201D' or '\u201C')
            {
                return j;
            }
        }

        return -1;
    }
}
