using System.Collections.Frozen;
using System.Reflection;

namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>
/// The clinical vocabulary (<c>Data/clinical-vocabulary.tsv</c>, embedded): a few thousand terms with a category and
/// a strength, loaded once. Terms are keyed as their words in lower case joined by single spaces, so a lookup is one
/// hash probe per n-gram of the draft, longest first; a plural or a possessive is looked up under its base form.
/// </summary>
internal sealed class ClinicalVocabulary
{
    public const string ResourceName = "PracticeBot.Core.Reviews.Privacy.Data.clinical-vocabulary.tsv";

    private static readonly Lazy<ClinicalVocabulary> Loaded = new(Load);

    private readonly FrozenDictionary<string, (VocabularyCategory Category, bool Strong)> terms;

    public ClinicalVocabulary(IEnumerable<(string Term, VocabularyCategory Category, bool Strong)> entries)
    {
        var map = new Dictionary<string, (VocabularyCategory, bool)>(StringComparer.Ordinal);
        foreach (var (term, category, strong) in entries)
        {
            var key = Key(term);
            if (key.Length > 0)
            {
                map.TryAdd(key, (category, strong));
                MaxWords = Math.Max(MaxWords, key.Count(c => c == ' ') + 1);
            }
        }

        terms = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static ClinicalVocabulary Shared => Loaded.Value;

    public int Count => terms.Count;

    public int MaxWords { get; }

    public IEnumerable<VocabularyCategory> Categories => terms.Values.Select(v => v.Category).Distinct();

    /// <summary>Every vocabulary term in the tokens, longest first at each position, none overlapping.</summary>
    public List<VocabularyMatch> Find(IReadOnlyList<DraftToken> tokens)
    {
        var matches = new List<VocabularyMatch>();
        var lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[256];
        var i = 0;
        while (i < tokens.Count)
        {
            var found = false;
            for (var n = Math.Min(MaxWords, tokens.Count - i); n >= 1 && !found; n--)
            {
                var prefix = 0;
                for (var k = i; k < i + n - 1 && prefix >= 0; k++)
                {
                    prefix = Append(buffer, prefix, tokens[k].Lower);
                    prefix = prefix >= 0 && prefix < buffer.Length ? Append(buffer, prefix, " ") : -1;
                }

                if (prefix < 0)
                {
                    continue;
                }

                foreach (var form in DraftTokeniser.BaseForms(tokens[i + n - 1].Lower))
                {
                    var length = Append(buffer, prefix, form);
                    if (length >= 0 && lookup.TryGetValue(buffer[..length], out var entry))
                    {
                        matches.Add(new VocabularyMatch(i, n, entry.Category, entry.Strong));
                        i += n;
                        found = true;
                        break;
                    }
                }
            }

            if (!found)
            {
                i++;
            }
        }

        return matches;
    }

    public bool TryGet(string term, out VocabularyCategory category, out bool strong)
    {
        var found = terms.TryGetValue(Key(term), out var entry);
        (category, strong) = entry;
        return found;
    }

    /// <summary>Reads the TSV: '#' lines are comments, the first other line is the header.</summary>
    public static IEnumerable<(string Term, VocabularyCategory Category, bool Strong)> Parse(TextReader reader)
    {
        var header = true;
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length < 2 || !Enum.TryParse<VocabularyCategory>(cells[1], ignoreCase: true, out var category))
            {
                throw new InvalidDataException($"clinical-vocabulary.tsv line {number}: expected \"term<TAB>category[<TAB>strength]\", got \"{line}\".");
            }

            yield return (cells[0], category, cells.Length < 3 || !cells[2].Equals("weak", StringComparison.OrdinalIgnoreCase));
        }
    }

    private static ClinicalVocabulary Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from PracticeBot.Core.");
        using var reader = new StreamReader(stream);
        return new ClinicalVocabulary(Parse(reader).ToList());
    }

    private static string Key(string term)
    {
        var lower = DraftNormaliser.Normalise(term).ToLowerInvariant();
        return string.Join(' ', DraftTokeniser.Tokenise(lower, lower).Select(t => t.Lower));
    }

    private static int Append(Span<char> buffer, int at, string text)
    {
        if (at < 0 || at + text.Length > buffer.Length)
        {
            return -1;
        }

        text.AsSpan().CopyTo(buffer[at..]);
        return at + text.Length;
    }
}
