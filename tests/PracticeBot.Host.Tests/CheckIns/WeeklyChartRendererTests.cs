using System.Buffers.Binary;
using System.IO.Compression;
using PracticeBot.Core.CheckIns;
using PracticeBot.Host.CheckIns;

namespace PracticeBot.Host.Tests.CheckIns;

public sealed class WeeklyChartRendererTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly (byte, byte, byte) Reviews = (0x4C, 0x72, 0xB0);
    private static readonly (byte, byte, byte) Done = (0x55, 0xA8, 0x68);
    private static readonly (byte, byte, byte) Planned = (0xC8, 0xC8, 0xC8);
    private static readonly (byte, byte, byte) Rating = (0xDD, 0x84, 0x52);
    private static readonly (byte, byte, byte) Text = (0x22, 0x22, 0x22);

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
        var png = new WeeklyChartRenderer().RenderWeeklyChart(Fixture);

        AssertPng(png, 800, 400);
    }

    [Fact]
    public void RenderWeeklyChart_OtherSizeAndNoData_IsAPngOfThatSize()
    {
        var empty = new WeeklySeries([.. Enumerable.Range(0, 8).Select(i => new WeekPoint($"W{i}", 0, null, 0, 0))]);

        var png = new WeeklyChartRenderer().RenderWeeklyChart(empty, 640, 320);

        AssertPng(png, 640, 320);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(60, 30)]
    [InlineData(3000, 40)]
    public void RenderWeeklyChart_TooSmallForAPlot_IsStillAPngOfThatSize(int width, int height)
    {
        var pixels = Decode(new WeeklyChartRenderer().RenderWeeklyChart(Fixture, width, height), out var w, out var h);

        Assert.Equal((width, height), (w, h));
        Assert.Equal(width * height, pixels.Length);
    }

    [Fact]
    public void RenderWeeklyChart_SameData_SameBytes()
    {
        Assert.Equal(new WeeklyChartRenderer().RenderWeeklyChart(Fixture), new WeeklyChartRenderer().RenderWeeklyChart(Fixture));
    }

    [Fact]
    public void RenderWeeklyChart_DifferentData_DrawsDifferentPixels()
    {
        var renderer = new WeeklyChartRenderer();
        var other = new WeeklySeries([.. Fixture.Weeks.Select(w => w with { Reviews = w.Reviews * 3 })]);

        Assert.NotEqual(renderer.RenderWeeklyChart(Fixture), renderer.RenderWeeklyChart(other));
    }

    [Fact]
    public void RenderWeeklyChart_Fixture_DrawsEverySeriesAndText()
    {
        var pixels = Decode(new WeeklyChartRenderer().RenderWeeklyChart(Fixture), out _, out _);

        Assert.All(new[] { Reviews, Done, Planned, Rating, Text }, colour => Assert.True(pixels.Count(p => p == colour) > 100, $"too few pixels of {colour}"));
    }

    [Fact]
    public void RenderWeeklyChart_MoreReviewsInOneWeek_DrawsATallerReviewsBar()
    {
        var renderer = new WeeklyChartRenderer();
        var flat = new WeeklySeries([.. Enumerable.Range(0, 8).Select(i => new WeekPoint($"W{i}", 2, null, 0, 0))]);
        var peak = new WeeklySeries([.. flat.Weeks.Select((w, i) => i == 3 ? w with { Reviews = 4 } : w)]);

        var flatBars = Decode(renderer.RenderWeeklyChart(flat), out _, out _).Count(p => p == Reviews);
        var peakBars = Decode(renderer.RenderWeeklyChart(peak), out _, out _).Count(p => p == Reviews);

        // The axis stretches to the peak: seven bars shrink to half of its height, the eighth grows to all of it.
        Assert.InRange(peakBars / (double)flatBars, 9.0 / 16 * 0.9, 9.0 / 16 * 1.1);
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

    /// <summary>The RGB of each pixel of an 8-bit palette PNG, every chunk's CRC checked.</summary>
    private static (byte, byte, byte)[] Decode(byte[] png, out int width, out int height)
    {
        Assert.Equal(PngSignature, png[..8]);
        width = height = 0;
        byte[] palette = [];
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            Assert.Equal(Crc32(png.AsSpan(at + 4, 4 + length)), BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length)));
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    Assert.Equal(new byte[] { 8, 3, 0, 0, 0 }, data[8..13].ToArray());
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var rows = inflated.ToArray();
        Assert.Equal((width + 1) * height, rows.Length);
        var pixels = new (byte, byte, byte)[width * height];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, rows[y * (width + 1)]); // filter None
            for (var x = 0; x < width; x++)
            {
                var index = rows[y * (width + 1) + 1 + x];
                pixels[y * width + x] = (palette[3 * index], palette[3 * index + 1], palette[3 * index + 2]);
            }
        }

        return pixels;
    }

    /// <summary>PNG's CRC-32 bit by bit, independent of the renderer's table.</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
