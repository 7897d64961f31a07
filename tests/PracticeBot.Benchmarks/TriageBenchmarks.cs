using BenchmarkDotNet.Attributes;
using PracticeBot.Core.Reviews.Triage;

namespace PracticeBot.Benchmarks;

/// <summary>Triage (stars, complaint categories, urgency) runs on every review taken in.</summary>
[MemoryDiagnoser]
public class TriageBenchmarks
{
    private const string Complaint =
        "Waited over an hour past my appointment time, the front desk was rude when I asked, and nobody called back " +
        "about the billing mistake. The doctor barely listened and ordered tests I didn't need.";

    private const string Praise = "Lovely staff, quick visit, the doctor listened and explained everything.";

    [Benchmark(Baseline = true)]
    public TriageResult Positive() => ReviewTriage.Triage(5, null, Praise);

    [Benchmark]
    public TriageResult Complaint1Star() => ReviewTriage.Triage(1, null, Complaint);

    [Benchmark]
    public TriageResult NegativeRecommendation() => ReviewTriage.Triage(null, "negative", Complaint);
}
