namespace PracticeBot.Core.Posting;

public enum SwapStatus
{
    Pending,
    Accepted,
    Declined,
    /// <summary>The slot changed hands or state before the answer came.</summary>
    Withdrawn,
}
