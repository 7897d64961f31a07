using PracticeBot.Core.Reviews.Privacy;

namespace PracticeBot.Core.Tests.Reviews.Privacy;

public sealed class DraftNormaliserTests
{
    [Theory]
    [InlineData("We\u2019re sorry", "We're sorry")]
    [InlineData("\u201Cquoted\u201D", "\"quoted\"")]
    [InlineData("y\u200Bour v\u00ADisit", "your visit")]
    [InlineData("your\u2060 chart\uFEFF", "your chart")]
    [InlineData("\uFF56\uFF49\uFF53\uFF49\uFF54", "visit")]
    [InlineData("co\u2011pay and 8\u20135", "co-pay and 8-5")]
    [InlineData("our r e c o r d s show", "our records show")]
    [InlineData("a I ok", "a I ok")]
    [InlineData("YOUR VISIT", "YOUR VISIT")]
    public void Normalise_HiddenOrLookAlikeCharacters_BecomePlainText(string input, string expected)
    {
        var result = DraftNormaliser.Normalise(input);

        Assert.Equal(expected, result);
    }
}
