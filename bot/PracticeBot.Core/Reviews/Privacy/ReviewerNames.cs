namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>The parts of a reviewer's display name worth looking for in a reply ("Maria G." → "maria").</summary>
internal static class ReviewerNames
{
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "anonymous", "patient", "user", "google", "yelp", "facebook", "customer", "guest", "the", "and", "mr", "mrs", "ms", "miss",
        "dr", "mx", "family", "a", "an", "of", "local", "guide", "reviewer", "verified", "member", "parent", "mom", "dad", "jr", "sr",
    };

    /// <summary>Names that are also everyday words: only a name when written and used as one.</summary>
    private static readonly HashSet<string> OrdinaryWords = new(StringComparer.Ordinal)
    {
        "will", "hope", "grace", "bill", "joy", "faith", "mark", "rose", "may", "june", "april", "august", "summer", "autumn", "dawn",
        "frank", "art", "pat", "sue", "rich", "chase", "hunter", "lily", "ivy", "iris", "daisy", "violet", "amber", "ruby", "crystal",
        "destiny", "honey", "sunny", "sky", "skye", "rob", "jack", "bob", "buck", "cliff", "dale", "dean", "drew", "earl", "glen", "gene",
        "ray", "rod", "sandy", "sterling", "stone", "wade", "ward", "young", "brown", "white", "black", "green", "king", "price",
        "long", "hall", "hill", "wood", "ford", "bishop", "baker", "carter", "cook", "cooper", "fisher", "miller", "mason", "porter",
        "parker", "page", "love", "noble", "sharp", "small", "strong", "wise", "best", "bliss", "care", "patience", "constance",
        "prudence", "charity", "harmony", "melody", "angel", "star", "rain", "river", "brook", "brooks", "field", "fields", "lane",
        "day", "knight", "major", "judge", "nurse", "doctor", "gay", "guy", "max", "sage", "hazel", "olive", "pearl", "jewel",
        "penny", "holly", "heather", "robin", "wren", "june", "jean", "kitty", "sonny", "van", "carol", "jay", "gray", "grey",
    };

    public static IReadOnlySet<string> Parts(string? reviewerName) =>
        (reviewerName ?? "")
            .Split([' ', '.', ',', '-', '_', '(', ')', '"', '\'', '&', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => DraftNormaliser.Normalise(t).ToLowerInvariant())
            .Where(t => t.Length >= 2 && t.Any(char.IsLetter) && !NotNames.Contains(t))
            .ToHashSet(StringComparer.Ordinal);

    public static bool IsOrdinaryWord(string lowerName) => OrdinaryWords.Contains(lowerName);
}
