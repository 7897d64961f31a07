namespace PracticeBot.Core.CheckIns;

/// <summary>
/// Draws the check-in's chart of the last weeks as a PNG (pure: data in, bytes out). Implemented by the host; a bot
/// without one sends the digest without its chart.
/// </summary>
public interface IChartRenderer
{
    public const int DefaultWidth = 800;
    public const int DefaultHeight = 400;

    /// <returns>The PNG file's bytes, <paramref name="width"/> × <paramref name="height"/> pixels.</returns>
    byte[] RenderWeeklyChart(WeeklySeries series, int width = DefaultWidth, int height = DefaultHeight);
}
