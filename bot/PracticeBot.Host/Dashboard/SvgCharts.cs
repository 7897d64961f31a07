using System.Globalization;
using System.Net;
using System.Text;
using PracticeBot.Core.Dashboard;

namespace PracticeBot.Host.Dashboard;

/// <summary>
/// The overview's charts as inline SVG, drawn on the server: they need no script, print as they are, and scale to a
/// phone (a viewBox, styled by class only: the CSP allows no inline style). Each has a title and a description for
/// screen readers, and its figures written on it, so no value is told by colour alone; the page adds a data table.
/// </summary>
public static class SvgCharts
{
    private const int Width = 720;
    private const int Height = 260;
    private const int Left = 40;
    private const int Right = 40;
    private const int Top = 20;
    private const int Bottom = 40;

    /// <summary>Reviews per month (bars, left scale) and their average rating (dashed line with dots, right scale 1–5).</summary>
    public static string Trend(IReadOnlyList<MonthFigure> months, string id)
    {
        var max = Math.Max(1, months.Max(m => m.Count));
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var step = plotW / (double)months.Count;
        var svg = Open(id, "Reviews and average rating per month, last 12 months",
            string.Join("; ", months.Select(m => $"{MonthName(m)}: {m.Count} reviews" + (m.AverageRating is { } a ? $", average {F1(a)} stars" : ""))));
        Axis(svg, plotW, plotH);
        var points = new List<(double X, double Y, double Rating)>();
        for (var i = 0; i < months.Count; i++)
        {
            var m = months[i];
            var h = plotH * m.Count / (double)max;
            var x = Left + (i * step) + (step * 0.15);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{F1(x)}\" y=\"{F1(Top + plotH - h)}\" width=\"{F1(step * 0.7)}\" height=\"{F1(h)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F1(x + (step * 0.35))}\" y=\"{F1(Top + plotH - h - 3)}\" text-anchor=\"middle\">{m.Count}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F1(x + (step * 0.35))}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Esc(MonthShort(m))}</text>");
            if (m.AverageRating is { } rating)
            {
                points.Add((x + (step * 0.35), Top + plotH - (plotH * (rating - 1) / 4.0), rating));
            }
        }

        if (points.Count > 1)
        {
            svg.Append("<polyline class=\"line\" points=\"").AppendJoin(' ', points.Select(p => $"{F1(p.X)},{F1(p.Y)}")).Append("\"/>");
        }

        foreach (var p in points)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"dot\" cx=\"{F1(p.X)}\" cy=\"{F1(p.Y)}\" r=\"4\"/>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 4}\" y=\"{Top + 4}\">5★</text><text x=\"{Width - Right + 4}\" y=\"{Top + plotH}\">1★</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{Top + 4}\" text-anchor=\"end\">{max}</text><text x=\"{Left - 4}\" y=\"{Top + plotH}\" text-anchor=\"end\">0</text>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Posting slots per week: planned (dashed outline), done (solid) and missed or skipped (hatched).</summary>
    public static string Posting(IReadOnlyList<PostingWeek> weeks, string id)
    {
        var max = Math.Max(1, weeks.Max(w => w.Planned));
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var step = plotW / (double)weeks.Count;
        var svg = Open(id, "Posts per week, last 12 weeks: planned, done, missed",
            string.Join("; ", weeks.Select(w => $"week of {w.Monday:MMM d}: {w.Done} of {w.Planned} done, {w.Missed} missed")));
        svg.Append("<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><line class=\"hatch-line\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern></defs>");
        Axis(svg, plotW, plotH);
        for (var i = 0; i < weeks.Count; i++)
        {
            var w = weeks[i];
            var x = Left + (i * step) + (step * 0.15);
            var bw = step * 0.7;
            var planned = plotH * w.Planned / (double)max;
            var done = plotH * w.Done / (double)max;
            var missed = plotH * w.Missed / (double)max;
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar-planned\" x=\"{F1(x)}\" y=\"{F1(Top + plotH - planned)}\" width=\"{F1(bw)}\" height=\"{F1(planned)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar-done\" x=\"{F1(x)}\" y=\"{F1(Top + plotH - done)}\" width=\"{F1(bw)}\" height=\"{F1(done)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar-missed\" x=\"{F1(x)}\" y=\"{F1(Top + plotH - done - missed)}\" width=\"{F1(bw)}\" height=\"{F1(missed)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F1(x + (bw / 2))}\" y=\"{F1(Top + plotH - planned - 3)}\" text-anchor=\"middle\">{w.Done}/{w.Planned}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F1(x + (bw / 2))}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Esc(w.Monday.ToString("MMM d", CultureInfo.InvariantCulture))}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Open reviews by age: urgent (solid red) and others (blue), the counts written beside each bar.</summary>
    public static string OpenByAge(IReadOnlyList<AgeBucket> buckets, string id)
    {
        const int rowH = 34;
        var height = Top + (buckets.Count * rowH) + 10;
        var max = Math.Max(1, buckets.Max(b => b.Urgent + b.Other));
        var labelW = 110;
        var plotW = Width - labelW - 140;
        var svg = Open(id, "Open reviews by age", string.Join("; ", buckets.Select(b => $"{b.Label}: {b.Urgent} urgent, {b.Other} other")), height);
        for (var i = 0; i < buckets.Count; i++)
        {
            var b = buckets[i];
            var y = Top + (i * rowH);
            var urgent = plotW * b.Urgent / (double)max;
            var other = plotW * b.Other / (double)max;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelW - 8}\" y=\"{y + 17}\" text-anchor=\"end\">{Esc(b.Label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar-urgent\" x=\"{labelW}\" y=\"{y + 4}\" width=\"{F1(urgent)}\" height=\"20\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{F1(labelW + urgent)}\" y=\"{y + 4}\" width=\"{F1(other)}\" height=\"20\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F1(labelW + urgent + other + 6)}\" y=\"{y + 17}\">{b.Urgent} urgent, {b.Other} other</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string id, string title, string description, int height = Height)
    {
        var svg = new StringBuilder(4096);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{Esc(title)}</title><desc id=\"{id}-d\">{Esc(description)}</desc>");
        return svg;
    }

    private static void Axis(StringBuilder svg, int plotW, int plotH)
    {
        for (var k = 1; k <= 4; k++)
        {
            var y = Top + (plotH * k / 4.0);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid-line\" x1=\"{Left}\" x2=\"{Left + plotW}\" y1=\"{F1(y)}\" y2=\"{F1(y)}\"/>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" x2=\"{Left + plotW}\" y1=\"{Top + plotH}\" y2=\"{Top + plotH}\"/>");
    }

    public static string MonthName(MonthFigure m) => new DateOnly(m.Year, m.Month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    private static string MonthShort(MonthFigure m) => new DateOnly(m.Year, m.Month, 1).ToString("MMM", CultureInfo.InvariantCulture);

    public static string F1(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}
