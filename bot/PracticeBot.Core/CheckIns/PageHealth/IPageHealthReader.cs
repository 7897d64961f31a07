using PracticeBot.Core.Reviews.Sources.Connections;

namespace PracticeBot.Core.CheckIns.PageHealth;

/// <summary>Reads a connected Facebook page's health for a week (Graph API; implemented in <c>PracticeBot.Adapters.Reviews</c>).</summary>
public interface IPageHealthReader
{
    Task<PageHealthReading> ReadAsync(ConnectedAccount page, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>One week of a page: followers now, posts published in the week, and the comments and reactions they got.</summary>
/// <param name="MissingPermission">The permission Facebook said is missing (<c>pages_read_engagement</c>), when it refused for that.</param>
/// <param name="Problem">Why it could not be read otherwise, in words for people.</param>
public sealed record PageHealthReading(int? Followers, int Posts, int Comments, int Reactions, string? MissingPermission = null, string? Problem = null)
{
    public static PageHealthReading Missing(string permission) => new(null, 0, 0, 0, permission);

    public static PageHealthReading Failed(string problem) => new(null, 0, 0, 0, null, problem);
}
