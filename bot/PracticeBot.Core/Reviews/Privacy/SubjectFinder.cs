using System.Text.RegularExpressions;

namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>
/// Finds who a sentence is about: the reader ("you", "your" other than in courtesies such as "thank you" or "your
/// feedback"), a member of their family ("your daughter", "your son's", "your kids"), the reviewer by name, or a
/// particular "he" or "she"; and whether it speaks of the practice in general ("we offer", "most insurance",
/// "every autumn") or of its opening hours.
/// </summary>
internal static partial class SubjectFinder
{
    private static readonly HashSet<string> SecondPersonWords = new(StringComparer.Ordinal)
    {
        "you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'll", "you'd", "ur", "u", "ya",
    };

    private static readonly HashSet<string> ThirdPersonWords = new(StringComparer.Ordinal)
    {
        "he", "she", "him", "her", "his", "hers", "he's", "she's", "he'd", "she'd", "he'll", "she'll", "himself", "herself",
    };

    /// <summary>"your ___" that thanks or invites rather than describes: not a statement about the person.</summary>
    private static readonly HashSet<string> Courtesies = new(StringComparer.Ordinal)
    {
        "feedback", "review", "reviews", "comment", "comments", "kind", "words", "time", "rating", "ratings", "stars", "star",
        "honesty", "thoughts", "note", "message", "post", "input", "suggestion", "suggestions", "convenience", "recommendation",
        "recommendations", "support", "kindness", "praise", "shout", "concern", "concerns", "perspective", "opinion", "business",
        "trust", "loyalty", "understanding", "generous", "thoughtful", "lovely", "wonderful", "great", "positive", "honest",
        "question", "questions", "experience", "story", "voice",
    };

    public static readonly HashSet<string> FamilyNouns = new(StringComparer.Ordinal)
    {
        "daughter", "son", "mother", "mom", "mum", "mommy", "mama", "father", "dad", "daddy", "papa", "husband", "wife", "partner",
        "spouse", "fiance", "fiancee", "child", "children", "kid", "kids", "baby", "babies", "newborn", "infant", "toddler", "teen",
        "teenager", "twins", "twin", "triplets", "grandmother", "grandma", "granny", "nana", "grandfather", "grandpa", "grandson",
        "granddaughter", "grandchild", "grandchildren", "grandkids", "grandparents", "brother", "sister", "sibling", "siblings",
        "aunt", "uncle", "niece", "nephew", "cousin", "parent", "parents", "stepson", "stepdaughter", "stepmother", "stepfather",
        "boyfriend", "girlfriend", "boy", "girl", "boys", "girls", "one", "ones", "family", "household", "dependent",
        "dependents", "mother-in-law", "father-in-law", "sons", "daughters", "brothers", "sisters", "grandsons", "granddaughters",
    };

    /// <summary>Words between "your" and a family noun: "your little boy", "your youngest daughter", "your two kids".</summary>
    private static readonly HashSet<string> FamilyModifiers = new(StringComparer.Ordinal)
    {
        "little", "new", "youngest", "oldest", "eldest", "older", "younger", "elderly", "dear", "sweet", "beautiful", "two", "three",
        "four", "baby", "newborn", "teenage", "adult", "late", "whole",
    };

    // Nouns that only make a family reference together with a modifier ("your little one", "your little boy", "your loved one").
    private static readonly HashSet<string> NeedsModifier = new(StringComparer.Ordinal) { "one", "ones", "boy", "girl", "boys", "girls", "family", "household" };

    public static SentenceSubject Find(DraftText draft, DraftSentence sentence)
    {
        var tokens = sentence.Tokens;
        var second = false;
        var third = false;
        var family = new List<(int, int)>();
        var possessives = new HashSet<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Lower;
            if (draft.InPracticeName(tokens[i].Start, tokens[i].End))
            {
                continue;
            }

            if (ThirdPersonWords.Contains(word))
            {
                third = true;
            }

            if (!SecondPersonWords.Contains(word) || IsCourtesy(tokens, i))
            {
                continue;
            }

            if (word is "your" or "ur")
            {
                possessives.Add(tokens[i].Start);
            }

            if (word is "your" or "ur" && FamilyAfter(tokens, i) is { } end)
            {
                family.Add((tokens[i].Start, tokens[end].End));
            }
            else
            {
                second = true;
            }
        }

        var text = draft.Lower.AsSpan(sentence.Start, sentence.End - sentence.Start);
        return new SentenceSubject(
            second,
            family,
            ReviewerNameIn(draft, sentence),
            third,
            // Each is read by one rule only, and only for such sentences; skipping the rest halves this step's time.
            sentence.Terms.Any(t => t.Strong) && PracticeInGeneral().IsMatch(text),
            DateTimeRule.MayHoldATime(sentence, text) && OpeningHours().IsMatch(text),
            possessives);
    }

    /// <summary>The token index where a family reference starting at "your" (index <paramref name="your"/>) ends.</summary>
    private static int? FamilyAfter(IReadOnlyList<DraftToken> tokens, int your)
    {
        var modified = false;
        for (var i = your + 1; i < tokens.Count && i <= your + 3; i++)
        {
            var word = tokens[i].Lower;
            if (word == "loved" && i + 1 < tokens.Count && tokens[i + 1].Lower.StartsWith("one", StringComparison.Ordinal))
            {
                return i + 1;
            }

            var bare = DraftTokeniser.BaseForms(word).FirstOrDefault(f => FamilyNouns.Contains(f) && (modified || !NeedsModifier.Contains(f)));
            if (bare is not null && !(bare is "baby" or "newborn" && i + 1 < tokens.Count && FamilyNouns.Contains(tokens[i + 1].Lower)))
            {
                return i;
            }

            if (!FamilyModifiers.Contains(word))
            {
                return null;
            }

            modified = true;
        }

        return null;
    }

    private static bool IsCourtesy(IReadOnlyList<DraftToken> tokens, int i)
    {
        var word = tokens[i].Lower;
        if (word == "you" && i > 0 && tokens[i - 1].Lower is "thank" or "thanking")
        {
            // "thank you" thanks; "thank you for coming in" is caught by the relationship rule, not by this word.
            return true;
        }

        if (word is "you" && i + 1 < tokens.Count && tokens[i + 1].Lower is "all" && i > 0 && tokens[i - 1].Lower is "thank")
        {
            return true;
        }

        if (word is "yours" && i > 0 && tokens[i - 1].Lower is "like" or "truly")
        {
            return true;
        }

        if (word is "your" or "ur")
        {
            for (var k = i + 1; k < tokens.Count && k <= i + 3; k++)
            {
                if (Courtesies.Contains(tokens[k].Lower))
                {
                    return true;
                }

                if (!char.IsDigit(tokens[k].Lower[0]) && tokens[k].Lower is not ("very" or "so" or "five" or "kind" or "thoughtful" or "detailed" or "recent"))
                {
                    break;
                }
            }
        }

        return false;
    }

    private static IReadOnlyList<(int Start, int End)> ReviewerNameIn(DraftText draft, DraftSentence sentence)
    {
        if (draft.ReviewerName.Count == 0)
        {
            return [];
        }

        var spans = new List<(int, int)>();
        var tokens = sentence.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            // Only a possessive is taken off: "James" is not a plural of "Jame".
            var bare = token.Lower.EndsWith("'s", StringComparison.Ordinal) ? token.Lower[..^2] : token.Lower.TrimEnd('\'');
            if (!draft.ReviewerName.Contains(bare) || draft.InPracticeName(token.Start, token.End))
            {
                continue;
            }

            if (!ReviewerNames.IsOrdinaryWord(bare) || IsUsedAsName(draft, sentence, i))
            {
                spans.Add((token.Start, token.End));
            }
        }

        return spans;
    }

    /// <summary>
    /// A reviewer called Hope, Will or Grace is named by "Thanks, Hope!" or "We told Will", not by "we hope" or
    /// "Will you call us?": a capitalised word that is not the first of the sentence, or one said to the reader.
    /// </summary>
    private static bool IsUsedAsName(DraftText draft, DraftSentence sentence, int i)
    {
        var token = sentence.Tokens[i];
        var after = token.End < draft.Text.Length ? draft.Text[token.End] : '.';
        var addressed = after is ',' or '!' or '.' or '?' or ';' || token.End == sentence.End
            || (i > 0 && sentence.Tokens[i - 1].Lower is "hi" or "hello" or "hey" or "dear" or "thanks" or "thank");
        var capitalised = token.IsTitleCase || draft.IsAllLowerCase;
        return capitalised && (i > 0 || addressed) && !(i == 0 && after == ' ');
    }

    // The practice speaking about what it does for everyone, not about one person's care.
    [GeneratedRegex(
        @"\b(?:we|our (?:\w+ ){0,2}?(?:practice|office|clinic|team|staff|doctors|providers|dentists|hygienists|nurses|pharmacy|lab|counselors|therapists|group|center)|the practice|this practice|all of us)(?:'re|'ve| are| also| now| always| proudly| happily| gladly| can| will| do| still| even)*\s+(?:offer|offers|provide|provides|accept|accepts|welcome|welcomes|perform|performs|carry|carries|have|has|specialize|specializes|stock|stocks|administer|administers|give|gives|host|hosts|run|runs|bill|bills|are trained|is trained|are certified|are happy to|is happy to|support|supports|work with|take|answer|help with|explain)\b(?! (?:it|this|that|your|you)\b)"
        + @"|\b(?:everyone|everybody|anyone|anybody|all ages|every age|whole family|whole community|all of our patients|all our patients|every patient|new patients|most (?:major )?(?:insurance|insurers|plans|carriers|commercial)|(?:every|each) (?:fall|autumn|winter|spring|summer|year|season|month)|walk-ins?|same-day|onsite|on-site|in-house|part of what (?:we|our team) do(?:es)?)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex PracticeInGeneral();

    [GeneratedRegex(
        @"\b(?:open|opens|opening|close|closes|closed|closing|hours|available|until|till|daily|weekdays|weekends|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|holiday|holidays|(?:every|each) (?:morning|afternoon|evening|day|week|weekday|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
        + @"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\s*(?:to|through|thru|-)\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b"
        + @"|\bfrom \d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:to|until|till|-)\s*\d",
        RegexOptions.CultureInvariant)]
    private static partial Regex OpeningHours();
}
