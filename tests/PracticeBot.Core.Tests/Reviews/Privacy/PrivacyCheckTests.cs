using PracticeBot.Core.Reviews.Privacy;

namespace PracticeBot.Core.Tests.Reviews.Privacy;

/// <summary>
/// Golden cases modelled on published enforcement actions (replies that named a patient, confirmed a visit,
/// described a condition or a bill) and on ordinary safe replies.
/// </summary>
public sealed class PrivacyCheckTests
{
    public static TheoryData<string, string?, PrivacyRisk, string> UnsafeDrafts() => new()
    {
        { "Thank you Maria, we're sorry about the wait.", "Maria G.", PrivacyRisk.PersonalDetail, "Maria" },
        { "Dear Mr. Thompson, we apologize for the delay.", null, PrivacyRisk.PersonalDetail, "Dear Mr. Thompson" },
        { "Hi Jennifer! Glad you enjoyed it.", null, PrivacyRisk.PersonalDetail, "Hi Jennifer" },
        { "We're sorry your visit took so long.", null, PrivacyRisk.CareRelationship, "your visit" },
        { "We apologize that your appointment started late.", null, PrivacyRisk.CareRelationship, "your appointment" },
        { "When you came in on Tuesday the front desk was short-staffed.", null, PrivacyRisk.CareRelationship, "When you came in" },
        { "Our records show you missed two appointments.", null, PrivacyRisk.CareRelationship, "Our records show" },
        { "We reviewed your chart and the results were normal.", null, PrivacyRisk.CareRelationship, "We reviewed your chart" },
        { "As your doctor, I recommended the test for good reasons.", null, PrivacyRisk.CareRelationship, "As your doctor" },
        { "You have been a valued patient for years.", null, PrivacyRisk.CareRelationship, "You have been a valued patient" },
        { "We're sorry about the wait for your test results.", null, PrivacyRisk.CareRelationship, "your test results" },
        { "Your treatment plan was discussed with you in detail.", null, PrivacyRisk.CareRelationship, "Your treatment" },
        { "We saw you promptly after the emergency patient.", null, PrivacyRisk.CareRelationship, "We saw you" },
        { "You were seen within fifteen minutes of check-in.", null, PrivacyRisk.CareRelationship, "You were seen" },
        { "According to our notes, you declined the referral.", null, PrivacyRisk.CareRelationship, "According to our notes" },
        { "Your prescription was sent to the pharmacy that day.", null, PrivacyRisk.CareRelationship, "Your prescription" },
        { "Your bill reflects the services provided.", null, PrivacyRisk.CareRelationship, "Your bill" },
        { "Managing diabetes takes patience and we're here to help.", null, PrivacyRisk.ClinicalOrBilling, "diabetes" },
        { "Depression is hard, and we take it seriously.", null, PrivacyRisk.ClinicalOrBilling, "Depression" },
        { "Congratulations on the pregnancy!", null, PrivacyRisk.ClinicalOrBilling, "pregnancy" },
        { "The biopsy has to be read by a pathologist, which takes time.", null, PrivacyRisk.ClinicalOrBilling, "biopsy" },
        { "A colonoscopy prep is unpleasant, we know.", null, PrivacyRisk.ClinicalOrBilling, "colonoscopy" },
        { "We can't prescribe opioids without an exam.", null, PrivacyRisk.ClinicalOrBilling, "opioids" },
        { "Antibiotics are not right for every cold.", null, PrivacyRisk.ClinicalOrBilling, "Antibiotics" },
        { "The charge was sent to insurance twice by mistake.", null, PrivacyRisk.ClinicalOrBilling, "insurance" },
        { "Medicaid rules require that paperwork.", null, PrivacyRisk.ClinicalOrBilling, "Medicaid" },
        { "The copay is set by the plan, not by us.", null, PrivacyRisk.ClinicalOrBilling, "copay" },
        { "We're sorry about what happened on 11/14.", null, PrivacyRisk.PersonalDetail, "11/14" },
        { "Thank you for coming in on November 3rd.", null, PrivacyRisk.PersonalDetail, "November 3rd" },
        { "For a 45-year-old, that wait is unacceptable.", null, PrivacyRisk.PersonalDetail, "45-year-old" },
        { "Mrs. Alvarez has since been called back.", null, PrivacyRisk.PersonalDetail, "Mrs. Alvarez" },
        { "Thanks, Okafor family, for the kind words.", "The Okafor Family", PrivacyRisk.PersonalDetail, "Okafor" },
        { "We have forwarded this to the doctor who did your surgery.", null, PrivacyRisk.CareRelationship, "your surgery" },
        { "Our team has looked into your account.", null, PrivacyRisk.CareRelationship, "your account" },
    };

    public static TheoryData<string> SafeReplies() =>
    [
        "Thank you for your feedback. We take every concern seriously and would like to understand what happened. Please call our office manager so we can talk it through.",
        "Thank you for your kind words! Our team works hard to make everyone feel welcome.",
        "We're glad to hear it. Thank you for taking the time to share.",
        "We're sorry to read this. We hold ourselves to a high standard and would welcome the chance to talk; please contact our office.",
        "Thank you for sharing. We are always working to reduce wait times for everyone.",
        "We appreciate the feedback and have shared it with our team.",
        "Thanks for the five stars! We love being part of this community.",
        "Our front desk team is committed to treating every person with respect. We'd like to hear more: please reach out to our practice manager.",
        "We value all of our patients and their feedback.",
        "Thank you. Comments like this help us improve.",
        "We are sorry you feel this way. Please give our office a call so we can listen.",
        "We're proud of our team and grateful for reviews like this one.",
        "Thank you for recommending us to friends and family!",
        "We strive to answer every call within one business day.",
        "Feedback like yours helps our whole team. Thank you for taking a moment to write.",
        "We have high standards for courtesy, and we'd welcome a conversation with you.",
    ];

    [Theory]
    [MemberData(nameof(UnsafeDrafts))]
    public void Check_UnsafeDraft_IsHighRiskWithReason(string draft, string? reviewer, PrivacyRisk risk, string phrase)
    {
        var report = PrivacyCheck.Check(draft, reviewer);

        Assert.True(report.IsHighRisk, $"Not flagged as high risk: {draft}");
        var finding = Assert.Single(report.Findings, f => f.Phrase.Contains(phrase, StringComparison.OrdinalIgnoreCase) && f.Severity == PrivacySeverity.High);
        Assert.Equal(risk, finding.Risk);
        Assert.False(string.IsNullOrWhiteSpace(finding.Why));
        Assert.False(string.IsNullOrWhiteSpace(finding.Instead));
    }

    [Theory]
    [MemberData(nameof(SafeReplies))]
    public void Check_SafeReply_RaisesNothing(string reply)
    {
        var report = PrivacyCheck.Check(reply, "Maria G.");

        Assert.True(report.IsClean, report.Explain());
    }

    [Fact]
    public void Check_OfficePhoneNumber_IsOnlyACaution()
    {
        var report = PrivacyCheck.Check("Please call our office manager at (555) 201-3344.");

        var finding = Assert.Single(report.Findings);
        Assert.Equal((PrivacySeverity.Caution, "(555) 201-3344"), (finding.Severity, finding.Phrase));
        Assert.False(report.IsHighRisk);
    }

    [Fact]
    public void Check_ReviewerNameInsideAnotherWord_IsNotFlagged()
    {
        var report = PrivacyCheck.Check("We are committed to improving.", "Al Smith");

        Assert.True(report.IsClean, report.Explain());
    }

    [Fact]
    public void Check_SeveralRisks_ListsEachOnceInTextOrder()
    {
        var report = PrivacyCheck.Check("Dear Mr. Lee, our records show your MRI was on 3/4.", "J. Lee");

        Assert.Equal(["Dear Mr. Lee", "our records show", "your MRI", "3/4"], report.Findings.Select(f => f.Phrase));
    }

    [Fact]
    public void Explain_HighRisk_SaysItCannotBePublishedAndShowsPhraseAndAlternative()
    {
        var text = PrivacyCheck.Check("We're sorry your visit took so long.").Explain();

        Assert.Contains("can't be published", text, StringComparison.Ordinal);
        Assert.Contains("“your visit”", text, StringComparison.Ordinal);
        Assert.Contains("Instead:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EveryBuiltInReplyTemplate_IsClean()
    {
        foreach (var (key, template) in PracticeBot.Core.Reviews.ReplyTemplates.BuiltIn)
        {
            var report = PrivacyCheck.Check(template, "Maria G.");

            Assert.True(report.IsClean, $"{key}: {report.Explain()}");
        }
    }

    [Fact]
    public void Check_TemplatesForEveryKindOfReview_AreClean()
    {
        foreach (var rating in new int?[] { 1, 2, 3, 4, 5, null })
        {
            var review = new PracticeBot.Core.Reviews.Review { Source = "google", ExternalId = "x", Rating = rating, Author = "Maria G." };

            var report = PrivacyCheck.Check(PracticeBot.Core.Reviews.ReplyTemplates.For(review), review.Author);

            Assert.True(report.IsClean, $"{rating}: {report.Explain()}");
        }
    }
}
