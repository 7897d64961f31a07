using BenchmarkDotNet.Attributes;
using PracticeBot.Benchmarks.Charts;
using PracticeBot.Core.CheckIns;
using PracticeBot.Host.CheckIns;

namespace PracticeBot.Benchmarks;

/// <summary>
/// The weekly check-in draws one chart per practice, so at 10,000 practices a chart's cost is paid 10,000 times
/// against the check-in's target (issue 23: 30 s for all of them). This keeps the measurement that justifies the
/// host's own palette renderer next to the maintained library it replaced (ScottPlot, on SkiaSharp).
/// </summary>
[MemoryDiagnoser]
public class ChartBenchmarks
{
    private static readonly WeeklySeries Series = new(
        [.. Enumerable.Range(0, 8).Select(i => new WeekPoint($"Nov {i + 1}", 3 + i % 4, 3.5 + i % 3 * 0.4, 2 + i % 2, 3))]);

    private readonly WeeklyChartRenderer _palette = new();
    private readonly ScottPlotChartRenderer _scottPlot = new();

    [GlobalSetup]
    public void WarmUp()
    {
        // Both load fonts and glyphs once per process; a check-in run pays that once, not per practice.
        _palette.RenderWeeklyChart(Series);
        _scottPlot.RenderWeeklyChart(Series);
    }

    [Benchmark(Baseline = true)]
    public byte[] PaletteRenderer() => _palette.RenderWeeklyChart(Series);

    [Benchmark]
    public byte[] ScottPlot() => _scottPlot.RenderWeeklyChart(Series);
}
