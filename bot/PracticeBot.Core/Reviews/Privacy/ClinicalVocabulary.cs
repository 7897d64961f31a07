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

    private readonly FrozenDictionary<string, (VocabularyCategory Category, bool Strong)> _terms;

    // The first word of each term of two or more words, with the most words such a term has: most words of a draft
    // start none, so they cost one probe (measured: this halves the time of a 1,000-character draft).
    private readonly FrozenDictionary<string, int> _firstWords;

    public ClinicalVocabulary(IEnumerable<(string Term, VocabularyCategory Category, bool Strong)> entries)
    {
        var map = new Dictionary<string, (VocabularyCategory, bool)>(StringComparer.Ordinal);
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (term, category, strong) in entries)
        {
            var key = Key(term);
            if (key.Length == 0)
            {
                continue;
            }

            map.TryAdd(key, (category, strong));
            var words = key.Split(' ');
            if (words.Length > 1)
            {
                first[words[0]] = Math.Max(words.Length, first.GetValueOrDefault(words[0]));
            }
        }

        _terms = map.ToFrozenDictionary(StringComparer.Ordinal);
        _firstWords = first.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static ClinicalVocabulary Shared => Loaded.Value;

    public int Count => _terms.Count;

    public IEnumerable<VocabularyCategory> Categories => _terms.Values.Select(v => v.Category).Distinct();

    /// <summary>Every vocabulary term in the tokens, longest first at each position, none overlapping.</summary>
    public List<VocabularyMatch> Find(IReadOnlyList<DraftToken> tokens)
    {
        var matches = new List<VocabularyMatch>();
        var lookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        var forms = new string[tokens.Count][];
        Span<char> buffer = stackalloc char[256];
        var i = 0;
        while (i < tokens.Count)
        {
            var longest = Math.Min(_firstWords.GetValueOrDefault(tokens[i].Lower, 1), tokens.Count - i);
            var found = 0;
            for (var n = longest; n >= 1 && found == 0; n--)
            {
                var prefix = 0;
                for (var k = i; k < i + n - 1 && prefix >= 0; k++)
                {
                    prefix = Append(buffer, prefix, tokens[k].Lower);
                    prefix = Append(buffer, prefix, " ");
                }

                var last = i + n - 1;
                forms[last] ??= [.. DraftTokeniser.BaseForms(tokens[last].Lower)];
                foreach (var form in forms[last])
                {
                    var length = Append(buffer, prefix, form);
                    if (length >= 0 && lookup.TryGetValue(buffer[..length], out var entry))
                    {
                        matches.Add(new VocabularyMatch(i, n, entry.Category, entry.Strong));
                        found = n;
                        break;
                    }
                }
            }

            i += Math.Max(found, 1);
        }

        return matches;
    }

    public bool TryGet(string term, out VocabularyCategory category, out bool strong)
    {
        var found = _terms.TryGetValue(Key(term), out var entry);
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
