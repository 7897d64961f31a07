namespace PracticeBot.Core.Conversation.Commands;

/// <summary>"Did you mean" for a mistyped command word, verb or setting.</summary>
public static partial class CommandParser
{
    /// <summary>
    /// <c> Did you mean `review`?</c> when exactly one known word is near what was typed (a typo or two, or the start
    /// of it), else nothing. <paramref name="maxEdits"/> caps the typos (one for free text, where "hello" is no "help").
    /// </summary>
    internal static string DidYouMean(string typed, IEnumerable<string> known, string prefix = "", int maxEdits = 2) =>
        Closest(typed, known, maxEdits) is { } word ? $" Did you mean `{prefix}{word}`?" : "";

    /// <summary>
    /// <c> Did you mean `review claim 12`?</c>: the closest known word with what was typed after it, so the suggestion
    /// can be run as it stands; empty when no one word is near.
    /// </summary>
    internal static string DidYouMean(string typed, IEnumerable<string> known, string prefix, string rest, int maxEdits = 2) =>
        Closest(typed, known, maxEdits) is { } word
            ? $" Did you mean `{prefix}{word}{(string.IsNullOrWhiteSpace(rest) ? "" : " " + Truncate(rest.Trim(), 60))}`?"
            : "";

    /// <summary>
    /// A command typed without its root word (<c>claim 12</c>, as people type to a bot): the one command whose verb it is,
    /// with the rest of the line, e.g. <c> Did you mean `review claim 12`?</c>; empty when none or several are.
    /// </summary>
    public static string SuggestForLine(string line)
    {
        var tokens = Tokenizer.Split(line ?? "");
        if (tokens.Count == 0 || tokens[0].Quoted)
        {
            return "";
        }

        var first = tokens[0].Value.TrimStart('/').ToLowerInvariant();
        var rest = line![tokens[0].End..];
        if (!CommandCatalog.IsRoot(first) && DidYouMean(first, CommandCatalog.Roots, "", rest, maxEdits: 1) is { Length: > 0 } root)
        {
            return root;
        }

        var owners = CommandCatalog.All.Where(c => !c.Implicit && c.Verb == first).ToList();
        if (owners is [var only])
        {
            return $" Did you mean `{only.RouteName}{(string.IsNullOrWhiteSpace(rest) ? "" : " " + Truncate(rest.Trim(), 60))}`?";
        }

        var verbs = CommandCatalog.All.Where(c => !c.Implicit).Select(c => c.Verb).Distinct().ToList();
        return Closest(first, verbs, 1) is { } verb && CommandCatalog.All.Where(c => !c.Implicit && c.Verb == verb).ToList() is [var owner]
            ? $" Did you mean `{owner.RouteName}{(string.IsNullOrWhiteSpace(rest) ? "" : " " + Truncate(rest.Trim(), 60))}`?"
            : "";
    }

    private static string? Closest(string typed, IEnumerable<string> known, int maxEdits)
    {
        var word = typed.Trim().TrimStart('/').ToLowerInvariant();
        if (word.Length < 2 || word.Length > 40)
        {
            return null;
        }

        var allowed = Math.Min(maxEdits, word.Length <= 4 ? 1 : 2);
        var near = known
            .Select(k => (Word: k, Distance: k.StartsWith(word, StringComparison.Ordinal) && word.Length >= 3 ? 0 : EditDistance(word, k)))
            .Where(k => k.Distance <= allowed && k.Word != word)
            .ToList();
        var best = near.Count == 0 ? null : near.Where(k => k.Distance == near.Min(n => n.Distance)).Distinct().ToList();
        return best is [var only] ? only.Word : null;
    }

    /// <summary>Levenshtein distance, with a swap of two neighbours counted as one edit.</summary>
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
