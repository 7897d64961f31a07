using BenchmarkDotNet.Attributes;
using PracticeBot.Core.Reviews.Privacy;

namespace PracticeBot.Benchmarks;

/// <summary>The privacy check runs on every saved draft and again before approval and publishing.</summary>
[MemoryDiagnoser]
public class PrivacyCheckBenchmarks
{
    private const string Safe =
        "Thank you for taking the time to share this. We take every concern seriously and would like to understand " +
        "what happened. Please call our office manager so we can talk it through.";

    private const string Risky =
        "Dear Mrs. Alvarez, we're sorry your visit on 11/14 took so long. Our records show your insurance claim was " +
        "denied, and Dr. Patel will call you about your test results. Please call (555) 201-3344.";

    [Benchmark(Baseline = true)]
    public PrivacyReport SafeReply() => PrivacyCheck.Check(Safe, "Maria G.");

    [Benchmark]
    public PrivacyReport RiskyReply() => PrivacyCheck.Check(Risky, "Maria G.");
}
