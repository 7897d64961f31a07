using System.Text.Json.Serialization;

namespace PracticeBot.Adapters.Reviews.Facebook;

// The parts of the Graph API /{page-id}/ratings answer (Recommendation objects) and its error object the bot reads.

internal sealed record FacebookRatingsPage(List<FacebookRecommendation>? Data, FacebookPaging? Paging);

internal sealed record FacebookRecommendation(
    [property: JsonPropertyName("created_time")] string? CreatedTime,
    [property: JsonPropertyName("recommendation_type")] string? RecommendationType,
    [property: JsonPropertyName("review_text")] string? ReviewText,
    int? Rating,
    FacebookReviewer? Reviewer,
    [property: JsonPropertyName("open_graph_story")] FacebookStory? OpenGraphStory);

internal sealed record FacebookReviewer(string? Id, string? Name);

internal sealed record FacebookStory(string? Id);

internal sealed record FacebookPaging(FacebookCursors? Cursors, string? Next);

internal sealed record FacebookCursors(string? After);

internal sealed record FacebookErrorAnswer(FacebookError? Error);

internal sealed record FacebookError(string? Type, int? Code);
