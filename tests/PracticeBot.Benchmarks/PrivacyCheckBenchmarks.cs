using BenchmarkDotNet.Attributes;
using PracticeBot.Core.Reviews.Privacy;

namespace PracticeBot.Benchmarks;

/// <summary>
/// The privacy check runs on every saved draft and again before approval and publishing. Issue 17's bar: a
/// 1,000-character draft in under 1 ms on one core. The vocabulary loads once per process, before the first measurement.
/// </summary>
[MemoryDiagnoser]
public class PrivacyCheckBenchmarks
{
    private const string Safe =
        "Thank you for taking the time to share this. We take every concern seriously and would like to understand " +
        "what happened. Please call our office manager so we can talk it through.";

    private const string Risky =
        "Dear Mrs. Alvarez, we're sorry your visit on 11/14 took so long. Our records show your insurance claim was " +
        "denied, and Dr. Patel will call you about your test results. Please call (555) 201-3344.";

    /// <summary>About 1,000 characters mixing safe sentences with disclosures of several classes.</summary>
    public const string ThousandCharacters =
        "Hi there, and thank you so much for taking the time to write such a detailed review of Sunrise Pediatric Dental. " +
        "We're open Monday to Friday from 8 am to 6 pm, and our phone line is answered 24/7 for urgent questions. " +
        "We offer flu shots every autumn and accept most major insurance plans, so families can get everything done in one place. " +
        "We're sorry your daughter's cleaning on the 5th started almost an hour late, and that the fluoride varnish upset her stomach. " +
        "Our hygienist Jessica remembers you both and was glad to hear the new retainer fits better. " +
        "As we discussed on the phone, the $85 you were charged for the x-rays has been refunded to your card, and your outstanding balance is now zero. " +
        "We know dental anxiety is real, and we look forward to seeing you again at your next checkup. " +
        "Our whole team reads every review, and feedback like yours helps us improve how we schedule the front desk for everyone. " +
        "Please reach out to our practice manager at any time if there is anything else we can do.";

    [GlobalSetup]
    public void WarmUp() => PrivacyCheck.Check(ThousandCharacters, "Maria G.", "Sunrise Pediatric Dental");

    [Benchmark(Baseline = true)]
    public PrivacyReport SafeReply() => PrivacyCheck.Check(Safe, "Maria G.");

    [Benchmark]
    public PrivacyReport RiskyReply() => PrivacyCheck.Check(Risky, "Maria G.");

    [Benchmark]
    public PrivacyReport ThousandCharacterDraft() => PrivacyCheck.Check(ThousandCharacters, "Maria G.", "Sunrise Pediatric Dental");
}
