namespace PracticeBot.Core.Dashboard;

/// <summary>
/// One sign-in link to the dashboard, asked for with <c>practice dashboard</c>. Only the token's SHA-256 hash is kept,
/// so a copy of the database signs nobody in; <see cref="UsedAt"/> is set by the one request that redeems it.
/// </summary>
public sealed class DashboardSignIn
{
    public long Id { get; set; }
    public long PracticeId { get; set; }
    public long MemberId { get; set; }
    /// <summary>Lower-case hex SHA-256 of the token in the link.</summary>
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
