using PracticeBot.Core.CheckIns;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace PracticeBot.Benchmarks.Charts;

/// <summary>
/// The check-in chart as the host drew it with ScottPlot until commit 210ca4c, kept only as the benchmark's baseline
/// for a maintained library. Draws the check-in chart with ScottPlot (SkiaSharp underneath, its Linux native library without dependencies):
/// per week, bars of reviews received, posts done and posts planned on the left axis, and the average rating as a
/// line on the right axis (1–5).
/// </summary>
public sealed class ScottPlotChartRenderer : IChartRenderer
{
    private const double GroupWidth = 4;
    private static readonly Color ReviewsColor = Color.FromHex("#4C72B0");
    private static readonly Color DoneColor = Color.FromHex("#55A868");
    private static readonly Color PlannedColor = Color.FromHex("#C8C8C8");
    private static readonly Color RatingColor = Color.FromHex("#DD8452");

    public byte[] RenderWeeklyChart(WeeklySeries series, int width = IChartRenderer.DefaultWidth, int height = IChartRenderer.DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);

        using var plot = new Plot();
        var bars = new List<Bar>();
        var centers = new double[series.Weeks.Count];
        var ratingX = new List<double>();
        var ratingY = new List<double>();
        for (var i = 0; i < series.Weeks.Count; i++)
        {
            var week = series.Weeks[i];
            var start = i * GroupWidth;
            centers[i] = start + 1;
            bars.Add(new Bar { Position = start, Value = week.Reviews, FillColor = ReviewsColor, Size = 0.9 });
            bars.Add(new Bar { Position = start + 1, Value = week.PostsDone, FillColor = DoneColor, Size = 0.9 });
            bars.Add(new Bar { Position = start + 2, Value = week.PostsPlanned, FillColor = PlannedColor, Size = 0.9 });
            if (week.AverageRating is { } rating)
            {
                ratingX.Add(start + 1);
                ratingY.Add(rating);
            }
        }

        plot.Add.Bars(bars);
        if (ratingX.Count > 0)
        {
            var line = plot.Add.Scatter(ratingX.ToArray(), ratingY.ToArray(), RatingColor);
            line.LineWidth = 2;
            line.MarkerSize = 6;
            line.Axes.YAxis = plot.Axes.Right;
        }

        plot.Axes.Bottom.TickGenerator = new NumericManual(centers, [.. series.Weeks.Select(w => w.Label)]);
        plot.Axes.Left.Label.Text = "reviews / posts";
        plot.Axes.Right.Label.Text = "average rating";
        plot.Axes.SetLimitsY(0, 6.5, plot.Axes.Right);
        var highest = series.Weeks.Count == 0 ? 0 : series.Weeks.Max(w => Math.Max(w.Reviews, Math.Max(w.PostsDone, w.PostsPlanned)));
        plot.Axes.SetLimitsY(0, Math.Max(1, highest) * 1.3, plot.Axes.Left);
        plot.Axes.SetLimitsX(-1, Math.Max(1, series.Weeks.Count) * GroupWidth - 1);
        plot.Title($"Last {series.Weeks.Count} weeks");

        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperCenter;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "reviews", FillColor = ReviewsColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "posts done", FillColor = DoneColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "posts planned", FillColor = PlannedColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "average rating", LineColor = RatingColor, LineWidth = 2 });

        return EncodePng(plot, width, height);
    }

    /// <summary>
    /// Skia's default PNG encoding (zlib level 6, every filter tried on each row) was about two thirds of a chart's CPU
    /// time in a trace; a chart of flat colours compresses well enough at level 1 with one filter. The weekly check-in
    /// draws one chart per practice, so at thousands of practices this is most of its cost.
    /// </summary>
    private static byte[] EncodePng(Plot plot, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"Skia could not make a {width}×{height} surface.");
        plot.Render(surface.Canvas, width, height);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 1))
            ?? throw new InvalidOperationException("Skia could not encode the chart as PNG.");
        return png.ToArray();
    }
}
