using PracticeBot.Core.Reviews;

namespace PracticeBot.Core.Dashboard;

/// <summary>One review as the Reviews page and its export show it. <see cref="Text"/> may carry health information.</summary>
public sealed record ReviewRow(
    int Number,
    string Source,
    int? Rating,
    string? Recommendation,
    string? Author,
    string? Text,
    string? Url,
    DateTimeOffset ReceivedAt,
    ReviewStatus Status,
    string? Category,
    bool Urgent,
    string? ClaimedBy,
    DateTimeOffset? FirstReplyAt);

/// <summary>One page of the table: its rows, how many match the filter in all, and which page this is.</summary>
public sealed record ReviewResults(IReadOnlyList<ReviewRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
