using PracticeBot.Core.Reviews.Privacy;

namespace PracticeBot.Core.Tests.Reviews.Privacy;

public sealed class DraftTokeniserTests
{
    [Fact]
    public void Tokenise_ApostrophesAndHyphens_KeepPossessivesAndSplitCompounds()
    {
        const string text = "Your twins' co-pay isn't your son's.";

        var words = DraftTokeniser.Tokenise(text, text.ToLowerInvariant()).Select(t => t.Lower);

        Assert.Equal(["your", "twins'", "co", "pay", "isn't", "your", "son's"], words);
    }

    [Theory]
    [InlineData("daughters", "daughter")]
    [InlineData("son's", "son")]
    [InlineData("twins'", "twin")]
    [InlineData("allergies", "allergy")]
    [InlineData("braces", "brace")]
    public void BaseForms_PluralOrPossessive_IncludeTheSingular(string word, string expected)
    {
        Assert.Contains(expected, DraftTokeniser.BaseForms(word));
    }
}
