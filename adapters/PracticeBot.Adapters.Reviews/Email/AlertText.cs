using System.Text.RegularExpressions;
using MimeKit;

namespace PracticeBot.Adapters.Reviews.Email;

/// <summary>
/// What a parser reads of an alert: its sender, date and Message-ID, its text (the plain part, or the HTML part turned
/// into text), and the links it carries (HTML <c>href</c>s and bare URLs), in order.
/// </summary>
public sealed partial class AlertText
{
    private AlertText(MimeMessage message, string text, IReadOnlyList<string> links)
    {
        Message = message;
        Text = text;
        Links = links;
    }

    public MimeMessage Message { get; }

    /// <summary>The sender's address, lower-case; empty when there is none.</summary>
    public string From => Message.From.Mailboxes.FirstOrDefault()?.Address.ToLowerInvariant() ?? "";

    public string Subject => Message.Subject ?? "";

    public string Text { get; }

    public IReadOnlyList<string> Links { get; }

    /// <summary>The date the site sent the alert, if it says.</summary>
    public DateTimeOffset? Date => Message.Headers.Contains(HeaderId.Date) ? Message.Date : null;

    public static AlertText Of(MimeMessage message)
    {
        var html = message.HtmlBody;
        var text = message.TextBody;
        var links = new List<string>();
        if (html is not null)
        {
            links.AddRange(HrefPattern().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)));
            text ??= HtmlAsText(html);
        }

        text ??= "";
        links.AddRange(UrlPattern().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ')', '>')));
        return new AlertText(message, text.Replace("\r\n", "\n", StringComparison.Ordinal), links.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>The first link on <paramref name="host"/> (or a sub-domain of it) whose path starts with <paramref name="pathPrefix"/>.</summary>
    public Uri? LinkOn(string host, string pathPrefix = "/")
    {
        foreach (var link in Links)
        {
            if (Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
                && (uri.Host.Equals(host, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + host, StringComparison.OrdinalIgnoreCase))
                && uri.AbsolutePath.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return uri;
            }
        }

        return null;
    }

    /// <summary>The value of the first line that starts with <paramref name="label"/> (e.g. <c>Rating:</c>), trimmed.</summary>
    public string? Line(string label)
    {
        foreach (var raw in Text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith(label, StringComparison.OrdinalIgnoreCase))
            {
                return line[label.Length..].Trim();
            }
        }

        return null;
    }

    /// <summary>The HTML's text, a line per block (paragraph, line break, cell row, heading), entities decoded.</summary>
    private static string HtmlAsText(string html)
    {
        var text = Hidden().Replace(html, "");
        text = BlockEnd().Replace(text, "\n");
        text = Tag().Replace(text, "");
        return System.Net.WebUtility.HtmlDecode(text);
    }

    [GeneratedRegex("<(style|script|head)\\b.*?</\\1\\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Hidden();

    [GeneratedRegex("<br\\s*/?>|</(p|div|tr|li|h[1-6]|table)\\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("href\\s*=\\s*\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HrefPattern();

    [GeneratedRegex("https://[^\\s\"'<>\\]]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();
}
