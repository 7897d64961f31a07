using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>
/// Puts a draft into one canonical form before any rule reads it, so that a phrase cannot hide behind look-alike
/// characters: compatibility forms (full-width letters, ligatures) become plain ones (NFKC), invisible characters
/// (zero-width spaces and joiners, soft hyphens) go, curly quotes and every dash become their ASCII forms, and words
/// spelled out letter by letter ("r e c o r d s") are joined. Case is kept: names are recognised by it; rules that
/// ignore case read <see cref="DraftText.Lower"/>.
/// </summary>
internal static partial class DraftNormaliser
{
    public static string Normalise(string text)
    {
        var visible = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            // Format characters (U+200B..U+200F, U+2060, U+FEFF, U+00AD, ...) are invisible when shown.
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                visible.Append(c);
            }
        }

        var composed = visible.ToString().Normalize(NormalizationForm.FormKC);
        var plain = new StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            plain.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '`' or '\u00B4' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE63' => '-',
                '\t' or '\u00A0' or '\u2007' or '\u202F' => ' ',
                _ => c,
            });
        }

        var result = plain.ToString();
        return HasSpacedLetters(result) ? SpacedLetters().Replace(result, m => m.Value.Replace(" ", "", StringComparison.Ordinal)) : result;
    }

    /// <summary>A cheap look for "x y" (two single letters with a space between) before the regex runs.</summary>
    private static bool HasSpacedLetters(string text)
    {
        for (var i = 2; i < text.Length; i++)
        {
            if (text[i - 1] == ' ' && char.IsLetter(text[i]) && char.IsLetter(text[i - 2])
                && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1])) && (i < 3 || !char.IsLetterOrDigit(text[i - 3])))
            {
                return true;
            }
        }

        return false;
    }

    // Four or more single letters separated by single spaces: "r e c o r d s". Two or three ("a I") are ordinary text.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])\p{L}(?: \p{L}){3,}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedLetters();
}
