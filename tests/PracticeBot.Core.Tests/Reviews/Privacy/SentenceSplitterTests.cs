using PracticeBot.Core.Reviews.Privacy;

namespace PracticeBot.Core.Tests.Reviews.Privacy;

public sealed class SentenceSplitterTests
{
    private static string[] Sentences(string text) => SentenceSplitter.Split(text).Select(s => text[s.Start..s.End]).ToArray();

    [Fact]
    public void Split_PunctuationAndLineBreaks_EndSentences()
    {
        var result = Sentences("Thanks! Was it late? We're sorry.\nPlease call");

        Assert.Equal(["Thanks!", "Was it late?", "We're sorry.", "Please call"], result);
    }

    [Fact]
    public void Split_TitlesInitialsAndAmounts_DoNotEndASentence()
    {
        var result = Sentences("Dr. Lee and J. Smith open at 8 a.m. daily. Your balance of $312.50 is due.");

        Assert.Equal(["Dr. Lee and J. Smith open at 8 a.m. daily.", "Your balance of $312.50 is due."], result);
    }

    [Fact]
    public void Split_Semicolon_KeepsOneSentence()
    {
        var result = Sentences("Please give our best to your mother; we hope her hip is healing well.");

        Assert.Single(result);
    }

    [Fact]
    public void Split_OnlyPunctuation_HasNoSentence()
    {
        Assert.Empty(Sentences(" ... !! "));
    }
}
