namespace PracticeBot.Core.Posting;

/// <summary>
/// Keeps each posting plan's calendar-feed token encrypted at rest (the host encrypts with its Data Protection key
/// ring). The token is shown again with every <c>posting schedule</c>, so it is encrypted rather than hashed.
/// </summary>
public interface IPostingCalendarTokens
{
    /// <summary>Gives the plan a new random token, stores it encrypted in the plan, and returns it in clear.</summary>
    string Create(PostingPlan plan);

    /// <summary>The plan's token in clear, or null when it has none (or it cannot be decrypted any more).</summary>
    string? Reveal(PostingPlan plan);
}
