using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Conversation.Commands;

/// <summary>
/// Parses the chat grammar of <see cref="CommandCatalog"/>. Total: any input gives either a command or a usage
/// message, never an exception.
/// </summary>
public static partial class CommandParser
{
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
                $"I don't know the command `{Truncate(root, 40)}`.{DidYouMean(root, CommandCatalog.Roots, "", text)}",
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
            $"I don't understand `{root} {Truncate(tokens[0].Value, 40)}`.{DidYouMean(tokens[0].Value, verbs, root + " ", text[tokens[0].End..])}", usage);
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
        var usage = $"`{spec.Syntax}`\nFor example: `{spec.ExampleLine}`";
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
