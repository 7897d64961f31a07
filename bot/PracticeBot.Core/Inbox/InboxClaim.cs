namespace PracticeBot.Core.Inbox;

/// <summary>A row this processor holds the lease of.</summary>
/// <param name="Attempt">This attempt's number, counted when the row was claimed.</param>
/// <param name="TakenOver">The row was still leased by a worker whose lease ran out: its attempt never finished.</param>
public sealed record InboxClaim(long Id, int Attempt, bool TakenOver);
