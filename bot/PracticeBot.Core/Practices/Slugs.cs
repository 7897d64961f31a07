using System.Globalization;
using System.Text;

namespace PracticeBot.Core.Practices;

/// <summary>Makes a practice's URL-safe id from its name: <c>Sunrise Family Medicine</c> → <c>sunrise-family-medicine</c>.</summary>
public static class Slugs
{
    public const int MaxLength = 60;

    public static string FromName(string name)
    {
        var folded = (name ?? "").Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder();
        foreach (var c in folded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // é → e
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (c != '\'' && c != '\u2019' && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        if (result.Length > MaxLength)
        {
            result = result[..MaxLength].TrimEnd('-');
        }

        return result.Length == 0 ? "practice" : result;
    }
}
