namespace PracticeBot.Adapters.Teams.Protocol;

/// <summary>Teams' <c>channelData</c>: the tenant, and for channel conversations the team and channel.</summary>
public sealed class TeamsChannelData
{
    public TeamsInfo? Tenant { get; set; }
    public TeamsInfo? Team { get; set; }
    public TeamsInfo? Channel { get; set; }
    public string? EventType { get; set; }
}
