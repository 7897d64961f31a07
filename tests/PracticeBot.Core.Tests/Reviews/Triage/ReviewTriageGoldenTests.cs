using System.Text.Json;
using PracticeBot.Core.Reviews.Triage;

namespace PracticeBot.Core.Tests.Reviews.Triage;

/// <summary>Triage over realistic review texts (Payloads/triage-golden.json): urgency, categories and the abuse flag.</summary>
public sealed class ReviewTriageGoldenTests
{
    public sealed record GoldenCase(int? Rating, string? Recommendation, string? Text, string[] Categories, bool Urgent, bool Abuse);

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Load().Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Triage_GoldenText_MatchesExpected(int index)
    {
        var golden = Load()[index];

        var result = ReviewTriage.Triage(golden.Rating, golden.Recommendation, golden.Text);

        Assert.Equal(
            (golden.Urgent, string.Join(",", golden.Categories), golden.Abuse),
            (result.Urgent, string.Join(",", result.Categories), result.SuspectedAbuse));
    }

    [Fact]
    public void Golden_Set_CoversEveryCategoryAndSomeWithNone()
    {
        var all = Load();

        Assert.True(all.Count >= 40, $"only {all.Count} golden texts");
        Assert.All(ComplaintCategories.All, c => Assert.Contains(all, g => g.Categories.Contains(c.Id)));
        Assert.True(all.Count(g => g.Categories.Length == 0 && !string.IsNullOrWhiteSpace(g.Text)) >= 5);
        Assert.Contains(all, g => g.Abuse);
    }

    [Fact]
    public void Triage_PracticePhrase_AddsToBuiltInCategoryAndMakesNewOnes()
    {
        var extra = new Dictionary<string, List<string>>
        {
            [ComplaintCategories.Scheduling] = ["patient portal"],
            ["parking"] = ["parking"],
        };

        var result = ReviewTriage.Triage(3, null, "The patient portal never works and parking is a nightmare.", extra);

        Assert.Equal(["scheduling", "parking"], result.Categories);
        Assert.Equal("patient portal", result.Matches["scheduling"]);
    }

    [Theory]
    [InlineData(2, null, true)]
    [InlineData(3, null, false)]
    [InlineData(null, "negative", true)]
    [InlineData(null, "NEGATIVE", true)]
    [InlineData(null, "positive", false)]
    public void Triage_RatingOrRecommendation_SetsUrgency(int? rating, string? recommendation, bool urgent) =>
        Assert.Equal(urgent, ReviewTriage.Triage(rating, recommendation, "fine").Urgent);

    [Fact]
    public void Normalize_PunctuationAndCurlyApostrophes_ComparesAsWords() =>
        Assert.Equal(" didn't listen front desk ", ReviewTriage.Normalize("Didn\u2019t LISTEN... front-desk!"));

    private static List<GoldenCase> Load() =>
        JsonSerializer.Deserialize<List<GoldenCase>>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reviews", "Payloads", "triage-golden.json")),
            JsonSerializerOptions.Web)!;
}
