using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Privacy;
using PracticeBot.Core.Reviews.Triage;

namespace PracticeBot.Core.Tests.Reviews.Suggestions;

public sealed class ReplyTemplatesToneTests
{
    public static TheoryData<string, string> KeysAndTones()
    {
        var data = new TheoryData<string, string>();
        foreach (var key in ReplyTemplates.Keys)
        {
            foreach (var tone in ReplyTones.All)
            {
                data.Add(key, tone);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KeysAndTones))]
    public void For_EveryKeyAndTone_NotEmptyAndPassesThePrivacyCheck(string key, string tone)
    {
        var review = ReviewFor(key);

        var text = ReplyTemplates.For(review, new PracticeSettings { ReplyTone = tone, ContactLine = "Please call our office at 555-010-0199." });

        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.Equal(key, ReplyTemplates.KeyOf(review));
        Assert.DoesNotContain(PrivacyCheck.Check(text, "Maria Gonzalez").Findings, f => f.Severity == PrivacySeverity.High);
    }

    [Fact]
    public void For_ThreeTones_ThreeDifferentTextsEndingWithTheContactLine()
    {
        var review = ReviewFor(ComplaintCategories.WaitTime);
        const string contact = "Please call our office at 555-010-0199.";

        var texts = ReplyTones.All.Select(t => ReplyTemplates.For(review, new PracticeSettings { ReplyTone = t, ContactLine = contact })).ToList();

        Assert.Equal(3, texts.Distinct().Count());
        Assert.All(texts, t => Assert.EndsWith(contact, t, StringComparison.Ordinal));
        Assert.True(texts[2].Length < texts[0].Length, "brief is shorter than warm");
    }

    [Fact]
    public void For_PraiseInAnyTone_DoesNotInviteACall()
    {
        var review = ReviewFor(ReplyTemplates.Positive);

        var text = ReplyTemplates.For(review, new PracticeSettings { ReplyTone = ReplyTones.Brief, ContactLine = "Call us!" });

        Assert.DoesNotContain("Call us!", text, StringComparison.Ordinal);
    }

    private static Review ReviewFor(string key) => key switch
    {
        ReplyTemplates.Positive => new Review { Source = "google", ExternalId = "x", Rating = 5 },
        ReplyTemplates.Negative => new Review { Source = "google", ExternalId = "x", Rating = 1 },
        ReplyTemplates.Neutral => new Review { Source = "google", ExternalId = "x", Rating = 3 },
        _ => new Review { Source = "google", ExternalId = "x", Rating = 2, Categories = [key] },
    };
}
