namespace PracticeBot.Adapters.Teams.Protocol;

/// <summary>One page of <c>GET /v3/conversations/{id}/pagedmembers</c>.</summary>
public sealed class PagedMembersResult
{
    public string? ContinuationToken { get; set; }
    public List<ChannelAccount> Members { get; set; } = [];
}
