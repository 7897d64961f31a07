using PracticeBot.Core.Posting;

namespace PracticeBot.Core.Tests.Posting;

public sealed class PostIdeasTests
{
    [Fact]
    public void Library_EveryMonth_HasAHealthObservance()
    {
        // Act
        var months = PostIdeas.Library.Where(i => i.Category == PostIdeas.Observance).SelectMany(i => i.Months).Distinct().Order();

        // Assert
        Assert.Equal(Enumerable.Range(1, 12), months);
    }

    [Fact]
    public void Library_Keys_AreUnique()
    {
        // Assert
        Assert.Equal(PostIdeas.Library.Count, PostIdeas.Library.Select(i => i.Key).Distinct().Count());
    }

    [Fact]
    public void Library_Categories_CoverWhatTheIssueAsksFor()
    {
        // Assert
        Assert.Equal(
            new[] { PostIdeas.Community, PostIdeas.Doctor, PostIdeas.Faq, PostIdeas.Observance, PostIdeas.News, PostIdeas.Seasonal, PostIdeas.Spotlight }.Order(StringComparer.Ordinal),
            PostIdeas.Library.Select(i => i.Category).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(PostIdeas.Library, i => i.Key == "flu-shots" && i.FitsMonth(10) && !i.FitsMonth(4));
    }

    [Fact]
    public void Next_EveryDayOfTheYearFedItsOwnLast_NeverRepeatsTwiceInARow()
    {
        // Arrange
        string? last = null;
        var day = new DateOnly(2026, 1, 1);

        // Act / Assert
        for (var i = 0; i < 365; i++, day = day.AddDays(1))
        {
            var idea = PostIdeas.Next(day, last, ["Our new parking lot opens Monday"]);
            Assert.NotEqual(last, idea.Key);
            Assert.True(idea.FitsMonth(day.Month), $"{idea.Key} on {day}");
            last = idea.Key;
        }
    }

    [Fact]
    public void Next_SameDayAsked_WithPreviousIdea_GivesAnotherOne()
    {
        // Arrange
        var day = new DateOnly(2026, 10, 14);
        var first = PostIdeas.Next(day, null, []);

        // Act
        var second = PostIdeas.Next(day, first.Key, []);

        // Assert
        Assert.NotEqual(first.Key, second.Key);
    }

    [Fact]
    public void Candidates_PracticeIdeas_AreSuggestedToo()
    {
        // Act
        var candidates = PostIdeas.Candidates(6, ["Meet our new nurse practitioner"]);

        // Assert
        var custom = Assert.Single(candidates, c => c.Category == PostIdeas.Custom);
        Assert.Equal("Meet our new nurse practitioner", custom.Text);
        Assert.Equal(custom, PostIdeas.Find(custom.Key, ["Meet our new nurse practitioner"]));
    }
}
