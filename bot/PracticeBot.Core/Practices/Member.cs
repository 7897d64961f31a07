namespace PracticeBot.Core.Practices;

/// <summary>A person of a practice, as known on one platform.</summary>
public sealed class Member
{
    public long Id { get; set; }
    public long PracticeId { get; set; }
    public required string Platform { get; set; }
    public required string UserId { get; set; }
    public string? DisplayName { get; set; }
    /// <summary>
    /// Teams only: the person's Entra object id (<c>from.aadObjectId</c>), kept from their chat turns so "Sign in with
    /// Microsoft" on the dashboard can find them; null for Slack and until they write to the bot.
    /// </summary>
    public string? AadObjectId { get; set; }
    public Role Roles { get; set; }
    public DateTimeOffset JoinedAt { get; set; }

    public bool Has(Role role) => (Roles & (role | Role.Manager)) != 0;

    public string Mention => $"<@{UserId}>";
}
