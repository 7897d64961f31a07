using System.Diagnostics;
using PracticeBot.Core.Reviews.Privacy;

namespace PracticeBot.Core.Tests.Reviews.Privacy;

/// <summary>Each class of disclosure and of false alarm named in issue 17, one rule at a time, through the public check.</summary>
public sealed class PrivacyRulesTests
{
    public static TheoryData<string, string?, string> Disclosures() => new()
    {
        // Care given to someone else.
        { "We hope your daughters enjoyed the stickers after their checkups.", null, "your daughters" },
        { "Your mother's hip is healing nicely.", null, "Your mother's hip" },
        { "Give your grandpa our best; we hope the new hearing aids help.", null, "hearing aids" },
        // The relationship, without a clinical word.
        { "You have been our patient for years.", null, "You have been our patient" },
        { "Thanks for coming in!", null, "Thanks for coming" },
        { "Everything was calm when you visited.", null, "when you visited" },
        { "We look forward to seeing you again.", null, "seeing you again" },
        { "As we discussed on the phone, that is our policy.", null, "As we discussed" },
        // Clinical vocabulary beyond a short list.
        { "We hope the Tdap didn't leave you too sore.", null, "Tdap" },
        { "Couples counseling takes time, and you both showed up.", null, "counseling" },
        { "Your weight is trending in the right direction.", null, "Your weight" },
        { "The lisinopril should bring that down.", null, "lisinopril" },
        { "A1c results like that are worth celebrating.", null, "A1c" },
        { "We're sorry the crown needs redoing for you.", null, "crown" },
        // Billing tied to the person.
        { "We've reversed the $120 you were charged.", null, "$120" },
        { "Your Aetna plan should cover it.", null, "Your Aetna" },
        { "The self-pay price you agreed to stands.", null, "self-pay" },
        // Dates, times and staff.
        { "We're sorry about the 4 pm delay.", null, "4 pm" },
        { "Three days ago the lab lost power, which is why you waited.", null, "Three days ago" },
        { "Nurse Okoye said you did great with the needle.", null, "Nurse Okoye" },
        // Text that hides a phrase.
        { "We're sorry about y\u200Bour l\u200Bab w\u200Bork.", null, "your lab work" },
        { "OUR RECORDS SHOW NO SUCH CHARGE.", null, "OUR RECORDS SHOW" },
        // The reviewer's name.
        { "Thanks, Grace, for the lovely words.", "Grace Liu", "Grace" },
        { "Bill, we hear you.", "Bill Jordan", "Bill" },
    };

    public static TheoryData<string, string?, string?> SafeReplies() => new()
    {
        { "Hi there, and thank you!", null, null },
        { "Our nurse line is staffed 24/7.", null, null },
        { "A 5/5 from you means a lot to us.", null, null },
        { "We're open 8 am to 5 pm on weekdays and closed on Sundays.", null, null },
        { "We accept most insurance, including Medicare.", null, null },
        { "We offer flu shots every autumn.", null, null },
        { "Everyone at Lakeside Diabetes & Endocrine Care thanks you.", null, "Lakeside Diabetes & Endocrine Care" },
        { "We will keep working on it, and we hope it shows.", "Will Hope", null },
        { "We try to meet every call with grace.", "Grace Liu", null },
        { "Our billing team can help with questions.", "Bill Jordan", null },
    };

    [Theory]
    [MemberData(nameof(Disclosures))]
    public void Check_Disclosure_IsHighRiskAndQuotesThePhrase(string draft, string? reviewer, string phrase)
    {
        var report = PrivacyCheck.Check(draft, reviewer);

        Assert.True(report.IsHighRisk, report.Explain());
        var finding = Assert.Single(report.Findings, f => f.Phrase.Contains(phrase, StringComparison.OrdinalIgnoreCase) && f.Severity == PrivacySeverity.High);
        Assert.False(string.IsNullOrWhiteSpace(finding.Why));
        Assert.False(string.IsNullOrWhiteSpace(finding.Instead));
    }

    [Theory]
    [MemberData(nameof(SafeReplies))]
    public void Check_SafeReplyThatUsedToRaiseAnAlarm_IsNotHighRisk(string draft, string? reviewer, string? practice)
    {
        var report = PrivacyCheck.Check(draft, reviewer, practice);

        Assert.False(report.IsHighRisk, report.Explain());
    }

    [Fact]
    public void Check_ClinicalWordOfThePracticeName_OnlyCountsWithoutTheName()
    {
        const string draft = "Thank you for reviewing Sunrise Pediatric Dental.";

        var withName = PrivacyCheck.Check(draft, practiceName: "Sunrise Pediatric Dental");
        var withoutName = PrivacyCheck.Check("Thank you for choosing us for pediatric dental implants.");

        Assert.True(withName.IsClean, withName.Explain());
        Assert.True(withoutName.IsHighRisk);
    }

    [Fact]
    public void Check_GeneralSentenceAboutThePractice_IsSafeButTheSameWordsAboutThePersonAreNot()
    {
        var general = PrivacyCheck.Check("We offer flu shots every autumn.");
        var personal = PrivacyCheck.Check("We hope your flu shot went smoothly.");

        Assert.True(general.IsClean, general.Explain());
        Assert.True(personal.IsHighRisk);
    }

    [Fact]
    public void Check_ClinicianNamedWithoutCare_IsOnlyACaution()
    {
        var report = PrivacyCheck.Check("Dr. Patel appreciates the kind words.");

        var finding = Assert.Single(report.Findings);
        Assert.Equal((PrivacySeverity.Caution, "Dr. Patel"), (finding.Severity, finding.Phrase));
    }

    [Fact]
    public void Check_FamilyMentionedWithoutCare_IsOnlyACaution()
    {
        var report = PrivacyCheck.Check("Please say hello to your husband for us.");

        var finding = Assert.Single(report.Findings);
        Assert.Equal((PrivacySeverity.Caution, "your husband"), (finding.Severity, finding.Phrase));
    }

    [Fact]
    public void Check_RelativeTimeAboutNobody_IsOnlyACaution()
    {
        var report = PrivacyCheck.Check("Our new phone system went live last week.");

        var finding = Assert.Single(report.Findings);
        Assert.Equal((PrivacySeverity.Caution, "last week"), (finding.Severity, finding.Phrase));
    }

    /// <summary>The benchmark's draft (tests/PracticeBot.Benchmarks/PrivacyCheckBenchmarks.cs): safe and unsafe sentences mixed.</summary>
    private const string ThousandCharacters =
        "Hi there, and thank you so much for taking the time to write such a detailed review of Sunrise Pediatric Dental. " +
        "We're open Monday to Friday from 8 am to 6 pm, and our phone line is answered 24/7 for urgent questions. " +
        "We offer flu shots every autumn and accept most major insurance plans, so families can get everything done in one place. " +
        "We're sorry your daughter's cleaning on the 5th started almost an hour late, and that the fluoride varnish upset her stomach. " +
        "Our hygienist Jessica remembers you both and was glad to hear the new retainer fits better. " +
        "As we discussed on the phone, the $85 you were charged for the x-rays has been refunded to your card, and your outstanding balance is now zero. " +
        "We know dental anxiety is real, and we look forward to seeing you again at your next checkup. " +
        "Our whole team reads every review, and feedback like yours helps us improve how we schedule the front desk for everyone. " +
        "Please reach out to our practice manager at any time if there is anything else we can do.";

    [Fact]
    public void Check_LongMixedDraft_FlagsTheDisclosuresAndNotTheGeneralSentences()
    {
        var report = PrivacyCheck.Check(ThousandCharacters, "Maria G.", "Sunrise Pediatric Dental");

        var phrases = string.Join(" | ", report.Findings.Select(f => f.Phrase));
        foreach (var expected in new[] { "your daughter", "the 5th", "Jessica", "As we discussed", "$85", "seeing you again", "anxiety" })
        {
            Assert.Contains(expected, phrases, StringComparison.Ordinal);
        }

        foreach (var safe in new[] { "Sunrise", "24/7", "8 am", "flu shots", "insurance" })
        {
            Assert.DoesNotContain(safe, phrases, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_ThousandCharacterDraft_HasNoPathologicalSlowdown()
    {
        // A guard against a pathological pattern (seconds, not microseconds) on a busy shared machine, not the measurement:
        // docs/performance-privacy.md has the benchmark.
        PrivacyCheck.Check(ThousandCharacters, "Maria G.", "Sunrise Pediatric Dental");
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 200; i++)
        {
            PrivacyCheck.Check(ThousandCharacters, "Maria G.", "Sunrise Pediatric Dental");
        }

        Assert.True(clock.Elapsed.TotalMilliseconds / 200 < 50, $"{clock.Elapsed.TotalMilliseconds / 200:F2} ms per check");
    }
}
