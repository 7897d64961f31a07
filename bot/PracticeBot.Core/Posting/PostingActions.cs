namespace PracticeBot.Core.Posting;

/// <summary>
/// Action ids of the posting cards' buttons, shared by the card builder and the routes. Slot buttons carry the
/// slot's id as their value; swap answers carry the swap proposal's id.
/// </summary>
public static class PostingActions
{
    public const string Done = "posting.done";
    public const string Skip = "posting.skip";
    public const string Swap = "posting.swap";
    public const string AcceptSwap = "posting.swap.accept";
    public const string DeclineSwap = "posting.swap.decline";
}
