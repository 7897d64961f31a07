namespace PracticeBot.Adapters.Slack.Blocks;

/// <summary>
/// Slack rejects a block whose elements share an <c>action_id</c>. A card may have two buttons with one action (and
/// different values), so the renderer numbers repeats (<c>review.claim#2</c>) and the mapper strips the number.
/// </summary>
public static class BlockIds
{
    private const char Separator = '#';

    public static string Numbered(string actionId, int occurrence) => occurrence <= 1 ? actionId : $"{actionId}{Separator}{occurrence}";

    public static string ActionIdOf(string renderedActionId)
    {
        var at = renderedActionId.LastIndexOf(Separator);
        return at > 0 && at < renderedActionId.Length - 1 && renderedActionId.AsSpan(at + 1).ContainsOnlyDigits()
            ? renderedActionId[..at]
            : renderedActionId;
    }

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
