using System.Text;

namespace PracticeBot.Core.Reviews.Triage;

/// <summary>
/// Triage of a review (pure): urgent when it has at most two stars or a negative recommendation; complaint categories
/// from a transparent phrase model (<see cref="ComplaintCategories"/>) that a practice can extend; and a flag for text
/// that reads as abuse or trolling, where the advice is to report it to the platform rather than reply.
/// </summary>
public static class ReviewTriage
{
    // The word lists and the built-in phrases are normalised once (each review is compared with about 270 of them; normalising
    // them per review was most of ingestion's allocation: about 30 KB a review).
    private static readonly string[] Threats = Normalized(["kill", "shoot", "bomb", "burn down", "watch your back", "you will pay", "hope you die", "burn in hell"]);

    private static readonly string[] Insults = Normalized(
    [
        "fuck", "fucking", "fucked", "shit", "shitty", "bitch", "bastard", "asshole", "idiot", "idiots", "moron", "morons",
        "stupid", "retard", "retarded", "scum", "scumbag", "scumbags", "clown", "clowns", "losers", "pathetic", "quack", "quacks",
        "crooks", "criminals", "cunt", "dumb",
    ]);

    private static readonly string[] NotAPatient = Normalized(
    [
        "never been here", "never been there", "never been to", "never even been", "haven't even been", "have not even been",
        "never visited", "didn't even go", "not even a patient", "never was a patient", "lol", "lmao", "rofl",
    ]);

    private static readonly (string Id, Phrase[] Phrases)[] BuiltIn =
        [.. ComplaintCategories.All.Select(c => (c.Id, c.Phrases.Select(Phrase.Of).ToArray()))];

    public static TriageResult Triage(int? rating, string? recommendation, string? text, IReadOnlyDictionary<string, List<string>>? extraPhrases = null)
    {
        var urgent = rating is <= 2 || string.Equals(recommendation, "negative", StringComparison.OrdinalIgnoreCase);
        var normalized = Normalize(text);
        var categories = new List<string>();
        var matches = new Dictionary<string, string>(StringComparer.Ordinal);
        if (normalized.Length > 2)
        {
            foreach (var (id, phrases) in Model(extraPhrases))
            {
                if (FirstMatch(normalized, phrases) is { } phrase)
                {
                    categories.Add(id);
                    matches[id] = phrase;
                }
            }
        }

        return new TriageResult(urgent, categories, matches, IsSuspectedAbuse(text, normalized));
    }

    /// <summary>Lower case, apostrophes unified, every other non-letter-or-digit a space, single spaces, padded with one space each side.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return " ";
        }

        var builder = new StringBuilder(text.Length + 2).Append(' ');
        var lastSpace = true;
        foreach (var raw in text)
        {
            var c = raw is '\u2019' or '\u2018' or '`' ? '\'' : char.ToLowerInvariant(raw);
            if (char.IsLetterOrDigit(c) || c == '\'')
            {
                builder.Append(c);
                lastSpace = false;
            }
            else if (!lastSpace)
            {
                builder.Append(' ');
                lastSpace = true;
            }
        }

        if (!lastSpace)
        {
            builder.Append(' ');
        }

        return builder.ToString();
    }

    private static IEnumerable<(string Id, IEnumerable<Phrase> Phrases)> Model(IReadOnlyDictionary<string, List<string>>? extra)
    {
        foreach (var category in BuiltIn)
        {
            var own = extra?.GetValueOrDefault(category.Id) is { Count: > 0 } added ? added.Select(Phrase.Of) : [];
            yield return (category.Id, category.Phrases.Concat(own));
        }

        foreach (var (id, phrases) in extra ?? new Dictionary<string, List<string>>())
        {
            if (ComplaintCategories.All.All(c => c.Id != id))
            {
                yield return (id, phrases.Select(Phrase.Of));
            }
        }
    }

    private static string? FirstMatch(string normalized, IEnumerable<Phrase> phrases)
    {
        foreach (var phrase in phrases)
        {
            if (phrase.Needle.Length > 2 && normalized.Contains(phrase.Needle, StringComparison.Ordinal))
            {
                return phrase.Text;
            }
        }

        return null;
    }

    private static bool IsSuspectedAbuse(string? text, string normalized)
    {
        if (normalized.Length <= 2)
        {
            return false;
        }

        var insults = Insults.Count(w => normalized.Contains(w, StringComparison.Ordinal));
        return Threats.Any(w => normalized.Contains(w, StringComparison.Ordinal))
            || NotAPatient.Any(w => normalized.Contains(w, StringComparison.Ordinal))
            || insults >= 2
            || insults >= 1 && IsShouting(text!);
    }

    private static string[] Normalized(string[] words) => [.. words.Select(Normalize)];

    /// <summary>A phrase of the model as written (what triage reports) and as compared (normalised).</summary>
    private readonly record struct Phrase(string Text, string Needle)
    {
        public static Phrase Of(string text) => new(text, Normalize(text));
    }

    /// <summary>Mostly capital letters over a text long enough for that to mean shouting.</summary>
    private static bool IsShouting(string text)
    {
        var letters = text.Count(char.IsLetter);
        return letters >= 20 && text.Count(char.IsUpper) >= letters * 0.7;
    }
}
