using System.Globalization;
using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Conversation.Commands;

/// <summary>Turning one argument's words into its value: numbers, people, dates, rates.</summary>
public static partial class CommandParser
{
    private const int MaxPostsPerWeek = 21;
    private const int SpelledDateWords = 3;

    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy/MM/dd", "MMM d yyyy", "MMM d, yyyy", "d MMM yyyy", "MMMM d yyyy", "MMMM d, yyyy", "d MMMM yyyy"];

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
}
