using Microsoft.Extensions.AI;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Privacy;
using PracticeBot.Core.Reviews.Suggestions;

namespace PracticeBot.Core.Tests.Reviews.Suggestions;

public sealed class ReplyPromptTests
{
    private static readonly Practice Sunrise = new()
    {
        Name = "Sunrise Family Medicine",
        Slug = "sunrise-family-medicine",
        TimeZone = "America/Chicago",
        Settings = new PracticeSettings { ReplyTone = ReplyTones.Brief, ContactLine = "Please call our office at 555-010-0199." },
    };

    [Fact]
    public void Build_ReviewSignedByItsAuthor_HoldsPracticeToneContactAndTextButNeverTheName()
    {
        var review = new Review
        {
            Source = "google", ExternalId = "g-1", Rating = 1, Author = "Maria Gonzalez-Smith", Location = "Main St office",
            Text = "The wait was endless. MARIA G. (gonzalez-smith)",
        };

        var messages = ReplyPrompt.Build(Sunrise, review);

        var all = string.Join("\n", messages.Select(m => m.Text));
        Assert.Equal([ChatRole.System, ChatRole.User], messages.Select(m => m.Role));
        Assert.Contains("never confirm or imply that the reviewer is or was a patient", all, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sunrise Family Medicine", all, StringComparison.Ordinal);
        Assert.Contains(ReplyTones.Describe(ReplyTones.Brief), all, StringComparison.Ordinal);
        Assert.Contains("Please call our office at 555-010-0199.", all, StringComparison.Ordinal);
        Assert.Contains("1 of 5 stars", all, StringComparison.Ordinal);
        Assert.Contains("The wait was endless.", all, StringComparison.Ordinal);
        Assert.DoesNotContain("maria", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("gonzalez", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("smith", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Main St", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Feedback_FindingIsTheReviewersName_NameBlanked()
    {
        var report = PrivacyCheck.Check("Maria, sorry about your appointment.", "Maria Gonzalez");

        var feedback = ReplyPrompt.Feedback(report, "Maria Gonzalez").Text;

        Assert.DoesNotContain("Maria", feedback, StringComparison.Ordinal);
        Assert.Contains("your appointment", feedback, StringComparison.Ordinal);
        Assert.Contains(ReplyPrompt.NamePlaceholder, feedback, StringComparison.Ordinal);
    }
}
