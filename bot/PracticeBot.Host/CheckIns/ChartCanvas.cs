namespace PracticeBot.Host.CheckIns;

/// <summary>
/// A palette-indexed pixel buffer and the few shapes a bar chart needs, clipped to the picture. Index 0 is white; each
/// ink has <see cref="Levels"/> indices, its colour blended over white from faint to solid, so antialiased text and
/// lines on the white background stay exact. Where an edge pixel falls on another ink it takes the nearer of the two.
/// </summary>
internal sealed class ChartCanvas
{
    public const int Levels = 15;

    private readonly byte[] _pixels;

    public ChartCanvas(byte[] pixels, int width, int height)
    {
        _pixels = pixels;
        Width = width;
        Height = height;
        Array.Clear(pixels, 0, width * height);
    }

    public int Width { get; }

    public int Height { get; }

    public ReadOnlySpan<byte> Pixels => _pixels.AsSpan(0, Width * Height);

    /// <summary>The PLTE chunk's RGB triples: white, then each ink's levels.</summary>
    public static byte[] Palette(IReadOnlyList<(byte R, byte G, byte B)> inks)
    {
        var palette = new byte[3 * (1 + inks.Count * Levels)];
        palette[0] = palette[1] = palette[2] = 255;
        for (var ink = 0; ink < inks.Count; ink++)
        {
            for (var level = 1; level <= Levels; level++)
            {
                var at = 3 * Index(ink, level);
                palette[at] = Blend(inks[ink].R, level);
                palette[at + 1] = Blend(inks[ink].G, level);
                palette[at + 2] = Blend(inks[ink].B, level);
            }
        }

        return palette;
    }

    public void Fill(int x0, int y0, int x1, int y1, int ink)
    {
        x0 = Math.Max(0, x0);
        y0 = Math.Max(0, y0);
        x1 = Math.Min(Width, x1);
        y1 = Math.Min(Height, y1);
        var index = (byte)Index(ink, Levels);
        for (var y = y0; y < y1; y++)
        {
            _pixels.AsSpan(y * Width + x0, Math.Max(0, x1 - x0)).Fill(index);
        }
    }

    /// <summary>A line <paramref name="thickness"/> pixels wide, antialiased by each pixel's distance to the segment.</summary>
    public void Line(double x0, double y0, double x1, double y1, double thickness, int ink)
    {
        var half = thickness / 2;
        var dx = x1 - x0;
        var dy = y1 - y0;
        var lengthSquared = dx * dx + dy * dy;
        for (var y = (int)Math.Floor(Math.Min(y0, y1) - half - 1); y <= (int)Math.Ceiling(Math.Max(y0, y1) + half + 1); y++)
        {
            for (var x = (int)Math.Floor(Math.Min(x0, x1) - half - 1); x <= (int)Math.Ceiling(Math.Max(x0, x1) + half + 1); x++)
            {
                var px = x + 0.5;
                var py = y + 0.5;
                var t = lengthSquared == 0 ? 0 : Math.Clamp(((px - x0) * dx + (py - y0) * dy) / lengthSquared, 0, 1);
                var distance = Math.Sqrt(Square(px - (x0 + t * dx)) + Square(py - (y0 + t * dy)));
                Plot(x, y, ink, Coverage(half + 0.5 - distance));
            }
        }
    }

    public void Disc(double cx, double cy, double radius, int ink)
    {
        for (var y = (int)Math.Floor(cy - radius - 1); y <= (int)Math.Ceiling(cy + radius + 1); y++)
        {
            for (var x = (int)Math.Floor(cx - radius - 1); x <= (int)Math.Ceiling(cx + radius + 1); x++)
            {
                var distance = Math.Sqrt(Square(x + 0.5 - cx) + Square(y + 0.5 - cy));
                Plot(x, y, ink, Coverage(radius + 0.5 - distance));
            }
        }
    }

    /// <summary>Text whose line box starts at (<paramref name="x"/>, <paramref name="top"/>), left to right.</summary>
    public void Text(GlyphAtlas font, string text, int x, int top, int ink) =>
        Blit(font, text, ink, (mx, my) => (x + mx, top + my));

    /// <summary>Text turned a quarter left (read bottom to top), its line box's left edge at <paramref name="left"/>, ending at <paramref name="top"/>.</summary>
    public void TextUp(GlyphAtlas font, string text, int left, int top, int ink)
    {
        var length = font.Measure(text);
        Blit(font, text, ink, (mx, my) => (left + my, top + length - 1 - mx));
    }

    /// <summary>Text turned a quarter right (read top to bottom), its line box's right edge at <paramref name="right"/>, starting at <paramref name="top"/>.</summary>
    public void TextDown(GlyphAtlas font, string text, int right, int top, int ink) =>
        Blit(font, text, ink, (mx, my) => (right - my, top + mx));

    private void Blit(GlyphAtlas font, string text, int ink, Func<int, int, (int X, int Y)> place)
    {
        var (mask, width) = font.Render(text);
        for (var my = 0; my < font.Height; my++)
        {
            for (var mx = 0; mx < width; mx++)
            {
                var level = mask[my * width + mx];
                if (level > 0)
                {
                    var (x, y) = place(mx - GlyphAtlas.Pad, my - GlyphAtlas.Pad);
                    Plot(x, y, ink, level);
                }
            }
        }
    }

    private void Plot(int x, int y, int ink, int level)
    {
        if (level <= 0 || (uint)x >= (uint)Width || (uint)y >= (uint)Height)
        {
            return;
        }

        ref var pixel = ref _pixels[y * Width + x];
        if (pixel == 0)
        {
            pixel = (byte)Index(ink, level);
        }
        else if ((pixel - 1) / Levels == ink)
        {
            pixel = (byte)Index(ink, Math.Max(level, (pixel - 1) % Levels + 1));
        }
        else if (level > Levels / 2)
        {
            pixel = (byte)Index(ink, Levels);
        }
    }

    private static int Index(int ink, int level) => 1 + ink * Levels + level - 1;

    private static int Coverage(double amount) => (int)Math.Round(Math.Clamp(amount, 0, 1) * Levels);

    private static byte Blend(byte channel, int level) => (byte)Math.Round(255 - (255 - channel) * level / (double)Levels);

    private static double Square(double v) => v * v;
}
