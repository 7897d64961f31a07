using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Core.Tests.Reviews.Sources;

public sealed class ReviewFieldsValidatorTests
{
    private static ReviewFields Valid => new("Healthgrades", "hg-1", "2", null, "J. D.", "Long wait.", "2026-11-20T14:03:00Z",
        "https://www.healthgrades.com/r/1", "Main St office");

    [Fact]
    public void Validate_CompleteFields_GivesNormalisedReview()
    {
        var result = ReviewFieldsValidator.Validate(Valid);

        var review = Assert.IsType<SourcedReview>(result.Review);
        Assert.Equal(("healthgrades", 2, new DateTimeOffset(2026, 11, 20, 14, 3, 0, TimeSpan.Zero)), (review.Source, review.Rating!.Value, review.CreatedAt));
    }

    [Theory]
    [InlineData("rating", "0")]
    [InlineData("rating", "4.5")]
    [InlineData("recommendation", "maybe")]
    [InlineData("createdAt", "")]
    [InlineData("createdAt", "soon")]
    [InlineData("url", "javascript:alert(1)")]
    [InlineData("source", "Health Grades!")]
    [InlineData("externalId", " ")]
    [InlineData("replied", "yes")]
    public void Validate_BadField_NamesThatField(string field, string value)
    {
        var fields = field switch
        {
            "rating" => Valid with { Rating = value },
            "recommendation" => Valid with { Recommendation = value },
            "createdAt" => Valid with { CreatedAt = value },
            "url" => Valid with { Url = value },
            "source" => Valid with { Source = value },
            "externalId" => Valid with { ExternalId = value },
            _ => Valid with { Replied = value },
        };

        var result = ReviewFieldsValidator.Validate(fields);

        Assert.Null(result.Review);
        Assert.Equal([field], result.Errors.Keys);
    }

    [Fact]
    public void Validate_NeitherRatingNorRecommendation_AsksForOne()
    {
        var result = ReviewFieldsValidator.Validate(Valid with { Rating = null });

        Assert.Contains("rating (1 to 5) or a recommendation", result.Errors["rating"], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RecommendationOnlyWithLocalOffset_IsUtc()
    {
        var result = ReviewFieldsValidator.Validate(Valid with { Rating = null, Recommendation = "Negative", CreatedAt = "2026-11-20T15:03:00+01:00" });

        Assert.Equal(("negative", TimeSpan.Zero, 14), (result.Review!.Recommendation, result.Review.CreatedAt.Offset, result.Review.CreatedAt.Hour));
    }
}
