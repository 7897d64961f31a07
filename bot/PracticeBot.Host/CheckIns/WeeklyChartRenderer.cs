using System.Buffers;
using System.Globalization;
using PracticeBot.Core.CheckIns;

namespace PracticeBot.Host.CheckIns;

/// <summary>
/// Draws the check-in chart: per week, bars of reviews received, posts done and posts planned on the left axis, and
/// the average rating as a line on the right axis (0–6.5, ticks 1–5), with a title, a legend and axis labels.
/// </summary>
/// <remarks>
/// The weekly check-in draws one chart per practice, thousands at once. With ScottPlot and Skia a chart took about
/// 30 ms of CPU (layout, a font engine, an RGBA surface and its PNG encoding), most of a check-in's cost; this chart
/// is a few rectangles, one line and some short labels, so it is drawn straight into palette indices (text from
/// glyphs Skia rasterised once per process) and written as an 8-bit palette PNG: well under a millisecond of drawing
/// and a few KB of PNG. The measurement that keeps it is <c>tests/PracticeBot.Benchmarks/ChartBenchmarks.cs</c>, which
/// runs it beside the ScottPlot renderer it replaced (about 10 × less CPU a chart; figures in docs/performance.md):
/// at 10,000 practices ScottPlot alone would be several times the check-in's whole 30-second target. The seam is
/// <see cref="IChartRenderer"/>; swapping the library back in is one registration in <see cref="ChartExtensions"/>.
/// </remarks>
public sealed class WeeklyChartRenderer : IChartRenderer
{
    private const double GroupWidth = 4;
    private const double BarWidth = 0.9;
    private const double RatingTop = 6.5;

    private const int TextInk = 0;
    private const int AxisInk = 1;
    private const int GridInk = 2;
    private const int ReviewsInk = 3;
    private const int DoneInk = 4;
    private const int PlannedInk = 5;
    private const int RatingInk = 6;

    private static readonly byte[] Palette = ChartCanvas.Palette(
    [
        (0x22, 0x22, 0x22), // text
        (0x77, 0x77, 0x77), // axes and ticks
        (0xE4, 0xE4, 0xE4), // grid
        (0x4C, 0x72, 0xB0), // reviews
        (0x55, 0xA8, 0x68), // posts done
        (0xC8, 0xC8, 0xC8), // posts planned
        (0xDD, 0x84, 0x52), // average rating
    ]);

    private static readonly Lazy<GlyphAtlas> TitleFont = new(() => GlyphAtlas.Create(18, bold: true));
    private static readonly Lazy<GlyphAtlas> LabelFont = new(() => GlyphAtlas.Create(14, bold: false));
    private static readonly Lazy<GlyphAtlas> TickFont = new(() => GlyphAtlas.Create(13, bold: false));

    public byte[] RenderWeeklyChart(WeeklySeries series, int width = IChartRenderer.DefaultWidth, int height = IChartRenderer.DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);

        var buffer = ArrayPool<byte>.Shared.Rent(checked(width * height));
        try
        {
            var canvas = new ChartCanvas(buffer, width, height);
            Draw(canvas, series);
            return PngWriter.Write(canvas.Pixels, width, height, Palette);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Draw(ChartCanvas canvas, WeeklySeries series)
    {
        var title = TitleFont.Value;
        var label = LabelFont.Value;
        var tick = TickFont.Value;
        var (width, height) = (canvas.Width, canvas.Height);
        var weeks = series.Weeks;

        var titleText = string.Create(CultureInfo.InvariantCulture, $"Last {weeks.Count} weeks");
        canvas.Text(title, titleText, (width - title.Measure(titleText)) / 2, 8, TextInk);
        var legendTop = 12 + title.LineHeight;
        Legend(canvas, label, legendTop);

        var highest = weeks.Count == 0 ? 0 : weeks.Max(w => Math.Max(w.Reviews, Math.Max(w.PostsDone, w.PostsPlanned)));
        var leftTop = Math.Max(1, highest) * 1.3;
        var step = Step(leftTop);
        var leftTicks = new List<int>();
        for (var v = 0; v <= leftTop; v += step)
        {
            leftTicks.Add(v);
        }

        var widest = leftTicks.Max(v => tick.Measure(v.ToString(CultureInfo.InvariantCulture)));
        var left = 10 + label.LineHeight + 8 + widest + 6;
        var right = width - (10 + label.LineHeight + 8 + tick.Measure("5") + 6);
        var top = legendTop + label.LineHeight + 12;
        var bottom = height - (tick.LineHeight + 12);
        if (right - left < 10 || bottom - top < 10)
        {
            return; // Too small for a plot: the title and legend alone.
        }

        var plotHeight = bottom - top;
        int LeftY(double v) => bottom - (int)Math.Round(v / leftTop * plotHeight);
        double RatingY(double v) => bottom - v / RatingTop * plotHeight;
        var units = Math.Max(1, weeks.Count) * GroupWidth;
        double X(double u) => left + (u + 1) / units * (right - left);

        foreach (var v in leftTicks)
        {
            var y = LeftY(v);
            if (v > 0)
            {
                canvas.Fill(left + 1, y, right, y + 1, GridInk);
            }

            canvas.Fill(left - 5, y, left, y + 1, AxisInk);
            var text = v.ToString(CultureInfo.InvariantCulture);
            canvas.Text(tick, text, left - 7 - tick.Measure(text), y - tick.LineHeight / 2, TextInk);
        }

        for (var r = 1; r <= 5; r++)
        {
            var y = (int)Math.Round(RatingY(r));
            canvas.Fill(right, y, right + 5, y + 1, AxisInk);
            canvas.Text(tick, r.ToString(CultureInfo.InvariantCulture), right + 7, y - tick.LineHeight / 2, TextInk);
        }

        for (var i = 0; i < weeks.Count; i++)
        {
            var week = weeks[i];
            var start = i * GroupWidth;
            Bar(canvas, X(start - BarWidth / 2), X(start + BarWidth / 2), LeftY(week.Reviews), bottom, ReviewsInk);
            Bar(canvas, X(start + 1 - BarWidth / 2), X(start + 1 + BarWidth / 2), LeftY(week.PostsDone), bottom, DoneInk);
            Bar(canvas, X(start + 2 - BarWidth / 2), X(start + 2 + BarWidth / 2), LeftY(week.PostsPlanned), bottom, PlannedInk);
            var center = (int)Math.Round(X(start + 1));
            canvas.Fill(center, bottom, center + 1, bottom + 5, AxisInk);
            canvas.Text(tick, week.Label, center - tick.Measure(week.Label) / 2, bottom + 7, TextInk);
        }

        canvas.Fill(left - 1, top, left, bottom + 1, AxisInk);
        canvas.Fill(right, top, right + 1, bottom + 1, AxisInk);
        canvas.Fill(left - 1, bottom, right + 1, bottom + 1, AxisInk);

        (double X, double Y)? previous = null;
        for (var i = 0; i < weeks.Count; i++)
        {
            if (weeks[i].AverageRating is not { } rating)
            {
                continue;
            }

            var point = (X: X(i * GroupWidth + 1), Y: RatingY(rating));
            if (previous is { } from)
            {
                canvas.Line(from.X, from.Y, point.X, point.Y, 2, RatingInk);
            }

            canvas.Disc(point.X, point.Y, 3.5, RatingInk);
            previous = point;
        }

        const string leftLabel = "reviews / posts";
        const string rightLabel = "average rating";
        canvas.TextUp(label, leftLabel, 10, top + (plotHeight - label.Measure(leftLabel)) / 2, TextInk);
        canvas.TextDown(label, rightLabel, width - 11, top + (plotHeight - label.Measure(rightLabel)) / 2, TextInk);
    }

    private static void Legend(ChartCanvas canvas, GlyphAtlas font, int top)
    {
        (string Text, int Ink, bool Line)[] items =
        [
            ("reviews", ReviewsInk, false), ("posts done", DoneInk, false), ("posts planned", PlannedInk, false), ("average rating", RatingInk, true),
        ];
        const int swatch = 12;
        const int gap = 6;
        const int between = 18;
        var total = items.Sum(i => swatch + gap + font.Measure(i.Text)) + between * (items.Length - 1);
        var x = (canvas.Width - total) / 2;
        var middle = top + font.LineHeight / 2;
        foreach (var (text, ink, line) in items)
        {
            if (line)
            {
                canvas.Line(x, middle + 0.5, x + swatch, middle + 0.5, 2, ink);
            }
            else
            {
                canvas.Fill(x, middle - swatch / 2, x + swatch, middle + swatch / 2, ink);
            }

            canvas.Text(font, text, x + swatch + gap, top, TextInk);
            x += swatch + gap + font.Measure(text) + between;
        }
    }

    private static void Bar(ChartCanvas canvas, double x0, double x1, int top, int bottom, int ink) =>
        canvas.Fill((int)Math.Round(x0), top, (int)Math.Round(x1), bottom, ink);

    /// <summary>A tick step of 1, 2 or 5 times a power of ten giving at most about six ticks.</summary>
    private static int Step(double top)
    {
        for (var scale = 1; ; scale *= 10)
        {
            foreach (var step in new[] { 1, 2, 5 })
            {
                if (top / (step * scale) <= 6)
                {
                    return step * scale;
                }
            }
        }
    }
}
