namespace PracticeBot.Adapters.Slack.Blocks;

/// <summary>Block Kit's published limits; a payload past any of them is rejected by Slack (<c>invalid_blocks</c>).</summary>
public static class BlockKitLimits
{
    public const int MessageBlocks = 50;
    public const int ViewBlocks = 100;
    public const int MessageText = 40000;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int FieldText = 2000;
    public const int HeaderText = 150;
    public const int ContextElements = 10;
    public const int ContextText = 2000;
    public const int ActionsElements = 25;
    public const int ButtonUrl = 3000;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ActionId = 255;
    public const int BlockId = 255;
    public const int ImageUrl = 3000;
    public const int ImageAltText = 2000;
    public const int InputLabel = 2000;
    public const int InputInitialValue = 3000;
    public const int InputPlaceholder = 150;
    public const int ViewTitle = 24;
    public const int ViewButton = 24;
    public const int PrivateMetadata = 3000;

    /// <summary>Cuts <paramref name="text"/> to <paramref name="max"/> characters, ending with an ellipsis when cut.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var keep = max - 1;
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--; // never split a surrogate pair (an emoji) in two
        }

        return string.Concat(text.AsSpan(0, keep), "…");
    }
}
