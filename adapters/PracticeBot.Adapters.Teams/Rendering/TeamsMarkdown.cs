using System.Text.RegularExpressions;

namespace PracticeBot.Adapters.Teams.Rendering;

/// <summary>The core's light markdown (Slack flavoured) → the markdown Teams and Adaptive Cards render.</summary>
public static partial class TeamsMarkdown
{
    public static string Convert(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var converted = Link().Replace(text, m => $"[{m.Groups["text"].Value}]({m.Groups["url"].Value})");
        converted = BareLink().Replace(converted, m => m.Groups["url"].Value);
        converted = Mention().Replace(converted, m => m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["id"].Value);
        converted = Bold().Replace(converted, m => $"**{m.Groups["text"].Value}**");
        // Adaptive Cards have no code spans: the backticks would show literally, quotes read better.
        return converted.Replace('`', '"');
    }

    [GeneratedRegex(@"<(?<url>https?://[^|>\s]+)\|(?<text>[^>]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"<(?<url>https?://[^|>\s]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex BareLink();

    [GeneratedRegex(@"<@(?<id>[^|>]+)(\|(?<name>[^>]+))?>", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    [GeneratedRegex(@"(?<![\w*])\*(?<text>[^*\n]+)\*(?![\w*])", RegexOptions.CultureInvariant)]
    private static partial Regex Bold();
}
