using PracticeBot.Core.Reviews.Privacy;

namespace PracticeBot.Core.Tests.Reviews.Privacy;

public sealed class SubjectFinderTests
{
    private static SentenceSubject Subject(string text, string? reviewer = null, string? practice = null) =>
        Assert.Single(DraftText.Analyse(text, reviewer, practice, ClinicalVocabulary.Shared).Sentences).Subject;

    [Theory]
    [InlineData("Thank you for the review.")]
    [InlineData("We appreciate your kind words and your 5/5 rating.")]
    [InlineData("Reviews like yours help other families.")]
    [InlineData("Please call at your convenience.")]
    public void Find_Courtesies_AreNotAboutTheReader(string text)
    {
        Assert.False(Subject(text).IsAboutSomeone);
    }

    [Theory]
    [InlineData("We hope you are well.")]
    [InlineData("We're sorry about your wait.")]
    public void Find_ReaderAddressed_IsSecondPerson(string text)
    {
        Assert.True(Subject(text).SecondPerson);
    }

    [Theory]
    [InlineData("We hope your son's ear is better.", "your son's")]
    [InlineData("Your little girl was so brave.", "Your little girl")]
    [InlineData("Thanks for bringing your kids in.", "your kids")]
    [InlineData("We loved meeting your loved ones.", "your loved ones")]
    public void Find_FamilyMember_IsFound(string text, string phrase)
    {
        var subject = Subject(text);

        var (start, end) = Assert.Single(subject.Family);
        Assert.Equal(phrase, text[start..end]);
    }

    [Theory]
    [InlineData("Thanks so much, Hope!", "Hope Ellis", true)]
    [InlineData("We hope to keep earning it.", "Hope Ellis", false)]
    [InlineData("Will you call us?", "Will Smith", false)]
    [InlineData("We will call you.", "Will Smith", false)]
    [InlineData("We're grateful, Deepa.", "Deepa Raman", true)]
    [InlineData("DEEPA, we're grateful.", "Deepa Raman", true)]
    public void Find_ReviewerNameThatMayBeAWord_IsANameOnlyWhenUsedAsOne(string text, string reviewer, bool named)
    {
        Assert.Equal(named, Subject(text, reviewer).ReviewerName.Count > 0);
    }

    [Theory]
    [InlineData("We offer flu shots every autumn.", true)]
    [InlineData("We accept most insurance.", true)]
    [InlineData("Our hygienists offer sealants for the whole family.", true)]
    [InlineData("We take it seriously.", false)]
    [InlineData("The biopsy has to be read by a pathologist.", false)]
    public void Find_PracticeSpeakingInGeneral_IsRecognised(string text, bool general)
    {
        Assert.Equal(general, Subject(text).PracticeInGeneral);
    }

    [Theory]
    [InlineData("We're open Monday to Friday from 8 am to 6 pm.", true)]
    [InlineData("Walk-ins are welcome every Saturday morning.", true)]
    [InlineData("We're sorry about Saturday at 10:30.", false)]
    public void Find_OpeningHours_AreRecognised(string text, bool hours)
    {
        Assert.Equal(hours, Subject(text).OpeningHours);
    }

    [Fact]
    public void Analyse_PracticeName_HidesItsClinicalWords()
    {
        var sentence = Assert.Single(DraftText.Analyse("Thanks from Sunrise Pediatric Dental and its dental implants team.", null, "Sunrise Pediatric Dental", ClinicalVocabulary.Shared).Sentences);

        Assert.Equal(["dental implants"], sentence.Terms.Select(t => string.Join(' ', sentence.Tokens.Skip(t.First).Take(t.Count).Select(w => w.Lower))));
    }
}
