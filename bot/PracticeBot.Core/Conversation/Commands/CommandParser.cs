using PracticeBot.Core.Conversation.Messages;
using System.Globalization;
using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Conversation.Commands;

/// <summary>
/// Parses the chat grammar of <see cref="CommandCatalog"/>. Total: any input gives either a command or a usage
/// message, never an exception.
/// </summary>
public static class CommandParser
{
    private const int MaxPostsPerWeek = 21;
    private const int SpelledDateWords = 3;

    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy/MM/dd", "MMM d yyyy", "MMM d, yyyy", "d MMM yyyy", "MMMM d yyyy", "MMMM d, yyyy", "d MMMM yyyy"];

    /// <summary>Parses a whole line, the command word first (<c>review claim 12</c>), as typed to the bot in Teams.</summary>
    public static CommandParseResult ParseLine(string line)
    {
        var tokens = Tokenizer.Split(line ?? "");
        if (tokens.Count == 0)
        {
            return Parse(CommandCatalog.Help, "");
        }

        var first = tokens[0];
        return Parse(first.Value.TrimStart('/'), line![first.End..]);
    }

    /// <summary>Parses the text after a command word: <paramref name="root"/> is <c>review</c>, <paramref name="text"/> is <c>claim 12</c>.</summary>
    public static CommandParseResult Parse(string root, string text)
    {
        root = (root ?? "").Trim().TrimStart('/').ToLowerInvariant();
        text ??= "";
        if (!CommandCatalog.IsRoot(root))
        {
            return CommandParseResult.Fail(
                $"I don't know the command `{Truncate(root, 40)}`.{DidYouMean(root, CommandCatalog.Roots)}",
                string.Join("\n", CommandCatalog.Roots.Select(r => $"`{r}`")) + "\nType `help` to see everything.");
        }

        var tokens = Tokenizer.Split(text);
        var specs = CommandCatalog.ForRoot(root).ToList();
        var usage = CommandCatalog.UsageOf(root);

        if (tokens.Count > 0 && !tokens[0].Quoted)
        {
            var verb = tokens[0].Value.ToLowerInvariant();
            var explicitSpec = specs.FirstOrDefault(s => !s.Implicit && s.Verb == verb);
            if (explicitSpec is not null)
            {
                return Bind(explicitSpec, text, tokens.Skip(1).ToList());
            }
        }

        // Implicit verbs: "review" lists, "review open" filters, "review 12" shows, "help posting" explains.
        foreach (var spec in specs.Where(s => s.Implicit))
        {
            if (Fits(spec, tokens))
            {
                return Bind(spec, text, tokens);
            }
        }

        if (tokens.Count == 0)
        {
            return CommandParseResult.Fail($"`{root}` needs a sub-command.", usage);
        }

        // The words that may come here: the verbs, and the words an implicit command takes first (`review open`, `help posting`).
        var verbs = specs.Where(s => !s.Implicit).Select(s => s.Verb)
            .Concat(specs.Where(s => s.Implicit && s.Params.Count > 0 && s.Params[0].Kind == ParamKind.Choice).SelectMany(s => s.Params[0].Choices ?? []));
        return CommandParseResult.Fail(
            $"I don't understand `{root} {Truncate(tokens[0].Value, 40)}`.{DidYouMean(tokens[0].Value, verbs, root + " ")}", usage);
    }

    private static bool Fits(CommandSpec spec, List<Token> tokens)
    {
        if (tokens.Count == 0)
        {
            return spec.Params.All(p => p.Optional);
        }

        if (spec.Params.Count == 0 || tokens.Count > spec.Params.Count && !spec.Params[^1].IsRest)
        {
            return false;
        }

        return TryConvert(spec.Params[0], tokens[0].Value, out _, out _);
    }

    private static CommandParseResult Bind(CommandSpec spec, string text, List<Token> tokens)
    {
        var usage = $"`{spec.Syntax}`";
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var next = 0;
        foreach (var param in spec.Params)
        {
            if (next >= tokens.Count)
            {
                if (!param.Optional)
                {
                    return CommandParseResult.Fail($"`{spec.Root} {VerbWord(spec)}` needs {Describe(param)}.", usage);
                }

                continue;
            }

            if (param.IsRest)
            {
                var restError = BindRest(param, text, tokens, next, values);
                if (restError is not null)
                {
                    return CommandParseResult.Fail(restError, usage);
                }

                next = tokens.Count;
                continue;
            }

            if (param.Kind == ParamKind.Date && TryParseSpelledDate(tokens, next, out var spelled))
            {
                values[param.Name] = spelled;
                next += SpelledDateWords;
                continue;
            }

            if (!TryConvert(param, tokens[next].Value, out var value, out var error))
            {
                return CommandParseResult.Fail(error!, usage);
            }

            values[param.Name] = value!;
            next++;
        }

        if (next < tokens.Count)
        {
            return CommandParseResult.Fail(
                $"`{spec.Root} {VerbWord(spec)}` doesn't take `{Truncate(tokens[next].Value, 40)}`.", usage);
        }

        return CommandParseResult.Ok(new CommandInvocation(spec, values));
    }

    private static string? BindRest(CommandParam param, string text, List<Token> tokens, int from, Dictionary<string, object> values)
    {
        switch (param.Kind)
        {
            case ParamKind.Text:
                // Quotes come off only when they wrap the whole text; an unclosed one is part of what was said.
                var verbatim = tokens.Count - from == 1 && tokens[from].ClosedQuote ? tokens[from].Value : text[tokens[from].Start..].Trim();
                if (verbatim.Length > 0)
                {
                    values[param.Name] = verbatim;
                }

                return null;

            case ParamKind.Words:
                var words = new List<string>();
                foreach (var token in tokens.Skip(from))
                {
                    var word = token.Value.Trim(',').ToLowerInvariant();
                    if (word.Length == 0)
                    {
                        continue;
                    }

                    if (param.Choices is { } choices && !choices.Contains(word))
                    {
                        return $"`{Truncate(word, 40)}` isn't one of: {string.Join(", ", choices)}.";
                    }

                    if (!words.Contains(word))
                    {
                        words.Add(word);
                    }
                }

                values[param.Name] = words;
                return null;

            case ParamKind.NameAndTimeZone:
                return BindNameAndTimeZone(param, tokens.Skip(from).ToList(), values);

            default:
                return $"{param.Name} can't be read.";
        }
    }

    private static string? BindNameAndTimeZone(CommandParam param, List<Token> tokens, Dictionary<string, object> values)
    {
        string? zone = null;
        var last = tokens[^1];
        if (!last.Quoted && LooksLikeTimeZone(last.Value))
        {
            if (!TimeZones.TryNormalize(last.Value, out var normalized))
            {
                return $"`{Truncate(last.Value, 64)}` isn't a time zone I know. Use an IANA id such as `America/Chicago` or `Europe/London`.";
            }

            zone = normalized;
            tokens = tokens[..^1];
        }

        var name = string.Join(" ", tokens.Select(t => t.Value.Trim())).Trim();
        if (name.Length > 200)
        {
            return "A practice name can be at most 200 characters.";
        }

        values[param.Name] = new NameAndTimeZone(name.Length == 0 ? null : name, zone);
        return null;
    }

    private static bool LooksLikeTimeZone(string word) =>
        word.Contains('/', StringComparison.Ordinal) || string.Equals(word, "UTC", StringComparison.OrdinalIgnoreCase);

    private static bool TryConvert(CommandParam param, string raw, out object? value, out string? error)
    {
        value = null;
        error = null;
        switch (param.Kind)
        {
            case ParamKind.ReviewNumber:
                var digits = raw.TrimStart('#');
                if (digits.Length is > 0 and <= 9 && digits.All(char.IsAsciiDigit) && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
                {
                    value = number;
                    return true;
                }

                error = $"`{Truncate(raw, 40)}` isn't a review number. Review numbers look like `12`.";
                return false;

            case ParamKind.User:
                if (TryParseUser(raw, out var user))
                {
                    value = user;
                    return true;
                }

                error = $"`{Truncate(raw, 40)}` isn't a person. Mention them: `@name`.";
                return false;

            case ParamKind.Date:
                if (DateOnly.TryParseExact(raw, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
                {
                    value = date;
                    return true;
                }

                error = $"`{Truncate(raw, 40)}` isn't a date. Write dates like `2026-12-21`.";
                return false;

            case ParamKind.RateOrOff:
                return TryParseRate(raw, out value, out error);

            case ParamKind.Choice:
                var word = raw.ToLowerInvariant();
                if (param.Choices?.Contains(word) == true)
                {
                    value = word;
                    return true;
                }

                error = $"`{Truncate(raw, 40)}` isn't one of: {string.Join(", ", param.Choices ?? [])}.{DidYouMean(raw, param.Choices ?? [])}";
                return false;

            case ParamKind.Url:
                if (Uri.TryCreate(UnwrapLink(raw), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
                {
                    value = url;
                    return true;
                }

                error = $"`{Truncate(raw, 60)}` isn't a link. Paste the post's address, starting with https://.";
                return false;

            case ParamKind.RoleChange:
                var remove = raw.StartsWith('-');
                if (RoleNames.TryParse(remove ? raw[1..] : raw, out var role))
                {
                    value = new RoleChange(role, remove);
                    return true;
                }

                error = $"`{Truncate(raw, 40)}` isn't a role. Roles: {string.Join(", ", RoleNames.All.Select(r => r.Name))} (prefix with - to take one away).";
                return false;

            default:
                value = raw;
                return true;
        }
    }

    // "Dec 21 2026" and "21 December 2026" arrive as three words; only ISO dates are one word.
    private static bool TryParseSpelledDate(List<Token> tokens, int from, out DateOnly date)
    {
        date = default;
        return tokens.Count - from >= SpelledDateWords
            && DateOnly.TryParseExact(
                string.Join(" ", tokens.Skip(from).Take(SpelledDateWords).Select(t => t.Value)),
                DateFormats,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces,
                out date);
    }

    private static bool TryParseRate(string raw, out object? value, out string? error)
    {
        value = null;
        error = null;
        if (string.Equals(raw, "off", StringComparison.OrdinalIgnoreCase))
        {
            value = PostingRate.Off;
            return true;
        }

        var slash = raw.IndexOf('/', StringComparison.Ordinal);
        var unit = slash < 0 ? "" : raw[(slash + 1)..].ToLowerInvariant();
        var count = slash < 0 ? raw : raw[..slash];
        if (unit is "week" or "wk" or "w"
            && count.Length is > 0 and <= 3
            && count.All(char.IsAsciiDigit)
            && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var perWeek))
        {
            if (perWeek is < 1 or > MaxPostsPerWeek)
            {
                error = $"A plan can have 1 to {MaxPostsPerWeek} posts a week (or `off`).";
                return false;
            }

            value = new PostingRate(perWeek);
            return true;
        }

        error = $"`{Truncate(raw, 40)}` isn't a rate. Write it like `3/week`, or `off` to pause.";
        return false;
    }

    // Slack sends links as <https://…> or, when it shows a label, <https://…|label>.
    private static string UnwrapLink(string raw)
    {
        var link = raw.Trim('<', '>');
        var bar = raw.StartsWith('<') ? link.IndexOf('|', StringComparison.Ordinal) : -1;
        return bar < 0 ? link : link[..bar];
    }

    private static bool TryParseUser(string raw, out UserRef user)
    {
        user = new UserRef(null, null);
        if (raw.StartsWith("<@", StringComparison.Ordinal) && raw.EndsWith('>') && raw.Length > 3)
        {
            var inner = raw[2..^1];
            var bar = inner.IndexOf('|', StringComparison.Ordinal);
            var id = (bar < 0 ? inner : inner[..bar]).Trim();
            var name = bar < 0 ? null : inner[(bar + 1)..].Trim();
            if (id.Length == 0)
            {
                return false;
            }

            user = new UserRef(id, string.IsNullOrEmpty(name) ? null : name);
            return true;
        }

        if (raw.StartsWith('@') && raw.Length > 1 && raw.Length <= 100)
        {
            user = new UserRef(null, raw[1..]);
            return true;
        }

        return false;
    }

    /// <summary>
    /// <c> Did you mean `review`?</c> when exactly one known word is near what was typed (a typo or two, or the start
    /// of it), else nothing. <paramref name="maxEdits"/> caps the typos (one for free text, where "hello" is no "help").
    /// </summary>
    internal static string DidYouMean(string typed, IEnumerable<string> known, string prefix = "", int maxEdits = 2)
    {
        var word = typed.Trim().TrimStart('/').ToLowerInvariant();
        if (word.Length < 2 || word.Length > 40)
        {
            return "";
        }

        var allowed = Math.Min(maxEdits, word.Length <= 4 ? 1 : 2);
        var near = known
            .Select(k => (Word: k, Distance: k.StartsWith(word, StringComparison.Ordinal) && word.Length >= 3 ? 0 : EditDistance(word, k)))
            .Where(k => k.Distance <= allowed && k.Word != word)
            .ToList();
        var best = near.Count == 0 ? null : near.Where(k => k.Distance == near.Min(n => n.Distance)).ToList();
        return best is [var only] ? $" Did you mean `{prefix}{only.Word}`?" : "";
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

    private static string VerbWord(CommandSpec spec) => spec.Implicit ? "" : spec.Verb;

    private static string Describe(CommandParam param) => param.Kind switch
    {
        ParamKind.ReviewNumber => "a review number, like `12`",
        ParamKind.User => "a person: mention them with `@`",
        ParamKind.Date => "a date, like `2026-12-21`",
        ParamKind.RateOrOff => "a rate like `3/week`, or `off`",
        ParamKind.RoleChange => $"a role: {string.Join(", ", RoleNames.All.Select(r => r.Name))}",
        _ => $"a {param.Name}",
    };

    /// <summary>What the person typed, echoed in an error: shortened, and marked as outside text so it shows as typed.</summary>
    private static string Truncate(string value, int max) => OutsideText.Mark(
        value.Length <= max ? value.Replace("`", "'", StringComparison.Ordinal) : value[..max].Replace("`", "'", StringComparison.Ordinal) + "…");
}
