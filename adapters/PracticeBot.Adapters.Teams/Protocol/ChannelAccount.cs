namespace PracticeBot.Adapters.Teams.Protocol;

/// <summary>A user or bot: Teams user ids look like <c>29:…</c>, bot ids like <c>28:&lt;app id&gt;</c>.</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }
    /// <summary>Teams: <c>user</c>, <c>guest</c> or <c>anonymous</c>, on a member fetched from the roster (and on some activities).</summary>
    public string? UserRole { get; set; }
}
