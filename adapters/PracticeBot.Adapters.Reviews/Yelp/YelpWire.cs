using System.Text.Json.Serialization;

namespace PracticeBot.Adapters.Reviews.Yelp;

// The parts of the Fusion /v3/businesses/{id}/reviews answer the bot reads.

internal sealed record YelpReviewPage(List<YelpReview>? Reviews, int? Total);

internal sealed record YelpReview(
    string? Id,
    string? Url,
    string? Text,
    int? Rating,
    [property: JsonPropertyName("time_created")] string? TimeCreated,
    YelpUser? User);

internal sealed record YelpUser(string? Name);
