using PracticeBot.Core.Reviews.Privacy;

namespace PracticeBot.Core.Tests.Reviews.Privacy;

public sealed class ClinicalVocabularyTests
{
    [Fact]
    public void Shared_ShippedVocabulary_HasThousandsOfTermsInEveryCategory()
    {
        var vocabulary = ClinicalVocabulary.Shared;

        Assert.True(vocabulary.Count >= 2000, $"{vocabulary.Count} terms");
        Assert.Equal(Enum.GetValues<VocabularyCategory>().Order(), vocabulary.Categories.Order());
        Assert.Same(vocabulary, ClinicalVocabulary.Shared);
    }

    [Fact]
    public void Resource_Header_StatesSourceAndLicence()
    {
        using var stream = typeof(PrivacyCheck).Assembly.GetManifestResourceStream(ClinicalVocabulary.ResourceName)!;
        using var reader = new StreamReader(stream);

        var header = string.Join('\n', Enumerable.Range(0, 4).Select(_ => reader.ReadLine()));

        Assert.Contains("Source:", header, StringComparison.Ordinal);
        Assert.Contains("Licence:", header, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metformin", "Medication", true)]
    [InlineData("root canal", "Dental", true)]
    [InlineData("blood pressure", "Vital", true)]
    [InlineData("tdap", "Vaccine", true)]
    [InlineData("postpartum", "Pregnancy", true)]
    [InlineData("co-pay", "Billing", true)]
    [InlineData("co pay", "Billing", true)]
    [InlineData("cast", "Procedure", false)]
    public void TryGet_KnownTerm_HasItsCategoryAndStrength(string term, string category, bool strong)
    {
        var found = ClinicalVocabulary.Shared.TryGet(term, out var actualCategory, out var actualStrong);

        Assert.True(found);
        Assert.Equal((Enum.Parse<VocabularyCategory>(category), strong), (actualCategory, actualStrong));
    }

    [Fact]
    public void Find_OverlappingTerms_TakesTheLongestAndBaseForms()
    {
        var vocabulary = new ClinicalVocabulary([("flu", VocabularyCategory.Condition, true), ("flu shot", VocabularyCategory.Vaccine, true), ("x-ray", VocabularyCategory.Test, true)]);
        const string text = "your flu shots and X-Rays";

        var matches = vocabulary.Find(DraftTokeniser.Tokenise(text, text.ToLowerInvariant()));

        Assert.Equal([new VocabularyMatch(1, 2, VocabularyCategory.Vaccine, true), new VocabularyMatch(4, 2, VocabularyCategory.Test, true)], matches);
    }

    [Fact]
    public void Parse_LineWithoutCategory_SaysWhichLineAndWhatIsExpected()
    {
        var error = Assert.Throws<InvalidDataException>(() => ClinicalVocabulary.Parse(new StringReader("# c\nterm\tcategory\nmetformin\n")).ToList());

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("term<TAB>category", error.Message, StringComparison.Ordinal);
    }
}
