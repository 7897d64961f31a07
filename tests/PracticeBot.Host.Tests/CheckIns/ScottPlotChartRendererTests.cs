using System.Buffers.Binary;
using PracticeBot.Core.CheckIns;
using PracticeBot.Host.CheckIns;

namespace PracticeBot.Host.Tests.CheckIns;

public sealed class ScottPlotChartRendererTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly WeeklySeries Fixture = new(
    [
        new WeekPoint("Sep 28", 3, 4.3, 2, 3),
        new WeekPoint("Oct 5", 0, null, 0, 3),
        new WeekPoint("Oct 12", 5, 3.8, 3, 3),
        new WeekPoint("Oct 19", 2, 2.5, 1, 3),
        new WeekPoint("Oct 26", 7, 4.9, 3, 3),
        new WeekPoint("Nov 2", 1, 1.0, 0, 2),
        new WeekPoint("Nov 9", 4, 4.0, 2, 2),
        new WeekPoint("Nov 16", 6, 3.5, 1, 3),
    ]);

    [Fact]
    public void RenderWeeklyChart_DefaultSize_IsAPngOf800By400()
    {
        var png = new ScottPlotChartRenderer().RenderWeeklyChart(Fixture);

        AssertPng(png, 800, 400);
    }

    [Fact]
    public void RenderWeeklyChart_OtherSizeAndNoData_IsAPngOfThatSize()
    {
        var empty = new WeeklySeries([.. Enumerable.Range(0, 8).Select(i => new WeekPoint($"W{i}", 0, null, 0, 0))]);

        var png = new ScottPlotChartRenderer().RenderWeeklyChart(empty, 640, 320);

        AssertPng(png, 640, 320);
    }

    [Fact]
    public void RenderWeeklyChart_DifferentData_DrawsDifferentPixels()
    {
        var renderer = new ScottPlotChartRenderer();
        var other = new WeeklySeries([.. Fixture.Weeks.Select(w => w with { Reviews = w.Reviews * 3 })]);

        Assert.NotEqual(renderer.RenderWeeklyChart(Fixture), renderer.RenderWeeklyChart(other));
    }

    private static void AssertPng(byte[] png, int width, int height)
    {
        Assert.True(png.Length > 1000, $"a PNG of {png.Length} bytes is too small to hold a chart");
        Assert.Equal(PngSignature, png[..8]);
        // The first chunk is IHDR: length (4), type (4), width (4), height (4), big-endian.
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }
}
