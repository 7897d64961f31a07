using System.Text.RegularExpressions;

namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>
/// When someone was at the practice: a date ("11/14", "March 14th", "on the 5th"), a day ("on Tuesday", "Monday's
/// appointment"), a time ("at 3 pm", "9:15") or a relative time ("two weeks ago", "yesterday"). Opening hours ("open
/// 8 am to 6 pm", "Saturdays until noon", "24/7") and ratings ("5/5", "10/10") are not about anyone.
/// </summary>
internal sealed partial class DateTimeRule : IPrivacyRule
{
    private const string Why = "A date or time pins down when someone was at the practice.";

    public void Find(DraftText draft, DraftSentence sentence, List<PrivacyHit> hits)
    {
        var subject = sentence.Subject;
        if (subject.OpeningHours && !subject.IsAboutThem)
        {
            return;
        }

        var text = draft.Lower.AsSpan(sentence.Start, sentence.End - sentence.Start);
        var words = sentence.Tokens.Select(t => t.Lower);
        if (!HasDigitOrDay(sentence, text))
        {
            RelativeOnly(draft, sentence, hits, text, words);
            return;
        }

        foreach (var match in Absolute().EnumerateMatches(text))
        {
            if (!IsRating(text.Slice(match.Index, match.Length)))
            {
                Add(draft, sentence, hits, match, PrivacySeverity.High);
            }
        }

        RelativeOnly(draft, sentence, hits, text, words);
    }

    private static void RelativeOnly(DraftText draft, DraftSentence sentence, List<PrivacyHit> hits, ReadOnlySpan<char> text, IEnumerable<string> words)
    {
        if (!words.Any(RelativeWords.Contains))
        {
            return;
        }

        foreach (var match in Relative().EnumerateMatches(text))
        {
            Add(draft, sentence, hits, match, sentence.Subject.IsAboutSomeone ? PrivacySeverity.High : PrivacySeverity.Caution);
        }
    }

    /// <summary>Whether a sentence can hold a date or time at all: a digit, a day, a month, or a relative time.</summary>
    public static bool MayHoldATime(DraftSentence sentence, ReadOnlySpan<char> text) =>
        HasDigitOrDay(sentence, text) || sentence.Tokens.Any(t => RelativeWords.Contains(t.Lower));

    private static bool HasDigitOrDay(DraftSentence sentence, ReadOnlySpan<char> text) =>
        text.ContainsAnyInRange('0', '9') || sentence.Tokens.Any(t => DayOrMonth.Contains(t.Lower));

    // The regexes run only on sentences holding one of these words (or a digit): most sentences hold none.
    private static readonly HashSet<string> DayOrMonth = new(StringComparer.Ordinal)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "monday's", "tuesday's", "wednesday's",
        "thursday's", "friday's", "saturday's", "sunday's", "jan", "january", "feb", "february", "mar", "march", "apr", "april",
        "may", "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november",
        "dec", "december",
    };

    private static readonly HashSet<string> RelativeWords = new(StringComparer.Ordinal)
    {
        "yesterday", "last", "this", "earlier", "other", "weekend", "ago",
    };

    private static void Add(DraftText draft, DraftSentence sentence, List<PrivacyHit> hits, ValueMatch match, PrivacySeverity severity)
    {
        var start = sentence.Start + match.Index;
        var end = start + match.Length;
        hits.Add(new PrivacyHit(start, end, new PrivacyFinding(draft.Quote(start, end), PrivacyRisk.PersonalDetail, severity, Why, PrivacyWording.NoDates)));
    }

    /// <summary>"5/5", "4/5", "10/10", "24/7": a score or "always", not a day of the year.</summary>
    private static bool IsRating(ReadOnlySpan<char> match)
    {
        var slash = match.IndexOf('/');
        if (slash < 0 || match[(slash + 1)..].Contains('/'))
        {
            return false;
        }

        return int.TryParse(match[..slash], out var top) && int.TryParse(match[(slash + 1)..], out var bottom)
            && ((bottom is 5 or 10 or 100 && top <= bottom) || (top == 24 && bottom == 7));
    }

    private const string Month = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private const string Day = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

    [GeneratedRegex(
        @"(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])|\b\d{4}-\d{2}-\d{2}\b"
        + @"|\b(?:" + Month + @")\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?!:)"
        + @"|\b\d{1,2}(?:st|nd|rd|th)?\s+of\s+(?:" + Month + @")\b"
        + @"|\bthe\s+\d{1,2}(?:st|nd|rd|th)\b(?!\s+(?:floor|year|anniversary|time|place|percentile|grade|birthday|century))"
        + @"|\b(?:on\s+|last\s+|this past\s+|since\s+|this\s+)?(?:" + Day + @")(?:'s)?\b(?!s)(?:\s+(?:morning|afternoon|evening|night))?"
        + @"|\b(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.?|p\.m\.?)(?![a-z])|(?<![\d:])\d{1,2}:\d{2}(?![\d:])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Absolute();

    [GeneratedRegex(
        @"\b(?:yesterday|last (?:week|month|night|time|weekend|visit|appointment)|this (?:morning|afternoon|past week|past weekend)|earlier (?:today|this week)|the other day|over the weekend"
        + @"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|a couple of|couple of|several|\d{1,2}) (?:days?|weeks?|months?) ago)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Relative();
}
