namespace PracticeBot.Host.Tests.Fuzzing;

/// <summary>How a fuzz case is authenticated when it is sent.</summary>
public enum FuzzAuth
{
    /// <summary>Only the headers the case carries.</summary>
    None,

    /// <summary>Correctly signed or with a valid token, computed over the exact bytes sent, at send time.</summary>
    Valid,
}

/// <summary>One hostile request: what is sent, and a short description for the failure report.</summary>
public sealed record FuzzRequest(string Path, byte[] Body, string? ContentType, FuzzAuth Auth, string Description)
{
    /// <summary>Extra headers, set after authentication (so they can duplicate or corrupt it).</summary>
    public List<KeyValuePair<string, string[]>> Headers { get; init; } = [];

    /// <summary>The declared <c>Content-Length</c>; null sends the body's length, <see cref="Chunked"/> none at all.</summary>
    public long? ContentLength { get; init; }

    /// <summary>No <c>Content-Length</c>: the body arrives as a stream of unknown length, as with chunked encoding.</summary>
    public bool Chunked { get; init; }
}
