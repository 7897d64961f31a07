using SkiaSharp;

namespace PracticeBot.Host.CheckIns;

/// <summary>
/// The printable ASCII glyphs of one font, rasterised once by Skia (antialiased, DejaVu Sans when installed) as
/// coverage levels 0–<see cref="ChartCanvas.Levels"/>: a chart's text is then a copy of small masks, not a font engine
/// at work. Immutable once made, so one atlas serves every render at once.
/// </summary>
internal sealed class GlyphAtlas
{
    private const char First = ' ';
    private const char Last = '~';
    /// <summary>Blank pixels around each line of text in its mask (room for the antialiased edges).</summary>
    internal const int Pad = 2;

    private readonly Glyph[] _glyphs;

    private GlyphAtlas(Glyph[] glyphs, int height, int baseline)
    {
        _glyphs = glyphs;
        Height = height;
        Baseline = baseline;
    }

    /// <summary>Height of a line of text's mask, in pixels.</summary>
    public int Height { get; }

    /// <summary>Height of the text itself (ascent and descent), without <see cref="Pad"/>.</summary>
    public int LineHeight => Height - 2 * Pad;

    /// <summary>Row of the baseline within the mask.</summary>
    public int Baseline { get; }

    public static GlyphAtlas Create(float size, bool bold)
    {
        using var typeface = SKTypeface.FromFamilyName("DejaVu Sans", bold ? SKFontStyle.Bold : SKFontStyle.Normal) ?? SKTypeface.Default;
        using var font = new SKFont(typeface, size) { Edging = SKFontEdging.Antialias, Subpixel = false, Hinting = SKFontHinting.Slight };
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        var metrics = font.Metrics;
        var ascent = (int)Math.Ceiling(-metrics.Ascent);
        var height = ascent + (int)Math.Ceiling(metrics.Descent) + 2 * Pad;
        var glyphs = new Glyph[Last - First + 1];
        for (var c = First; c <= Last; c++)
        {
            var text = c.ToString();
            var advance = font.MeasureText(text);
            var width = (int)Math.Ceiling(advance) + 2 * Pad;
            using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Alpha8, SKAlphaType.Premul));
            using (var canvas = new SKCanvas(bitmap))
            {
                canvas.Clear(SKColors.Transparent);
                canvas.DrawText(text, Pad, Pad + ascent, font, paint);
            }

            var coverage = new byte[width * height];
            var pixels = bitmap.GetPixelSpan();
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    coverage[y * width + x] = (byte)((pixels[y * bitmap.RowBytes + x] * ChartCanvas.Levels + 127) / 255);
                }
            }

            glyphs[c - First] = new Glyph(advance, width, coverage);
        }

        return new GlyphAtlas(glyphs, height, Pad + ascent);
    }

    public int Measure(string text)
    {
        var pen = 0f;
        foreach (var c in text)
        {
            pen += Find(c).Advance;
        }

        return (int)Math.Ceiling(pen);
    }

    /// <summary>The text as one coverage mask of <see cref="Height"/> rows (characters outside ASCII draw as '?').</summary>
    public (byte[] Mask, int Width) Render(string text)
    {
        var width = Measure(text) + 2 * Pad;
        var mask = new byte[width * Height];
        var pen = 0f;
        foreach (var c in text)
        {
            var glyph = Find(c);
            var left = (int)MathF.Round(pen);
            for (var y = 0; y < Height; y++)
            {
                for (var x = 0; x < glyph.Width && left + x < width; x++)
                {
                    var level = glyph.Coverage[y * glyph.Width + x];
                    ref var into = ref mask[y * width + left + x];
                    into = Math.Max(into, level);
                }
            }

            pen += glyph.Advance;
        }

        return (mask, width);
    }

    private Glyph Find(char c) => _glyphs[(c is >= First and <= Last ? c : '?') - First];

    private sealed record Glyph(float Advance, int Width, byte[] Coverage);
}
