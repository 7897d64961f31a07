namespace PracticeBot.Adapters.Teams.Protocol;

/// <summary>An id and name: a tenant, team or channel in <see cref="TeamsChannelData"/>.</summary>
public sealed class TeamsInfo
{
    public string? Id { get; set; }
    public string? Name { get; set; }
}
