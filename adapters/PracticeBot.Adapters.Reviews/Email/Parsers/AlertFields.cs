using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Adapters.Reviews.Email.Parsers;

/// <summary>What the parsers share: the quoted review text, ids from links, and the checks every review passes.</summary>
internal static partial class AlertFields
{
    private const int MaxExternalId = 200;

    /// <summary>True when <paramref name="address"/> is on <paramref name="domain"/> or one of its sub-domains.</summary>
    public static bool OnDomain(string address, string domain) =>
        address.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase) || address.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase);

    /// <summary>The first paragraph in quotes ("…" or “…”), which is how the alerts show the review's words.</summary>
    public static string? QuotedText(string text)
    {
        var match = QuotedPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var words = string.Join(' ', match.Groups[1].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return words.Length == 0 ? null : words[..Math.Min(words.Length, ReviewFieldsValidator.MaxTextLength)];
    }

    public static int? Number(Regex pattern, string text) =>
        pattern.Match(text) is { Success: true } m && int.TryParse(m.Groups[1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>A query parameter of <paramref name="uri"/>, or null.</summary>
    public static string? Query(Uri? uri, string name)
    {
        if (uri is null)
        {
            return null;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && string.Equals(parts[0], name, StringComparison.OrdinalIgnoreCase) && parts[1].Length > 0)
            {
                return Uri.UnescapeDataString(parts[1]);
            }
        }

        return null;
    }

    /// <summary>
    /// The review as ingestion wants it, or the reason it is not one. The id is the site's own when the alert's link
    /// carries it, so two alerts of the same review are one review; else one derived from the Message-ID.
    /// </summary>
    public static AlertParse Review(string source, AlertText alert, int? rating, string? text, Uri? link, string? siteId, string? author = null)
    {
        if (rating is not (>= 1 and <= 5))
        {
            return AlertParse.Fail($"no star rating from 1 to 5 found in this {source} alert");
        }

        if (alert.Date is not { } date)
        {
            return AlertParse.Fail($"this {source} alert has no Date header");
        }

        var id = siteId is { Length: > 0 } ? siteId.Trim() : "msg-" + Hash(alert.Message.MessageId ?? alert.Text);
        if (id.Length > MaxExternalId)
        {
            id = "id-" + Hash(id);
        }

        return new AlertParse(new SourcedReview(
            source, id, rating, null, author is { Length: > 0 and <= 200 } ? author : null, text, date.ToUniversalTime(), Url: link?.AbsoluteUri), null);
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..24];

    [GeneratedRegex("[\"“]([^\"“”]{1,20000})[\"”]", RegexOptions.Singleline)]
    private static partial Regex QuotedPattern();
}
