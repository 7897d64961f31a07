using System.Net;

namespace PracticeBot.Adapters.Teams.Outbound;

/// <summary>What the connector answered: the body on success, or the status, error code and Retry-After.</summary>
public sealed record ConnectorResponse<T>(HttpStatusCode Status, T? Body, string? ErrorCode = null, TimeSpan? RetryAfter = null)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;
}
