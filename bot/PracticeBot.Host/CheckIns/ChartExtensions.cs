using PracticeBot.Core.CheckIns;

namespace PracticeBot.Host.CheckIns;

public static class ChartExtensions
{
    /// <summary>The weekly check-in's chart, rendered on the server and attached to the digest.</summary>
    public static WebApplicationBuilder AddCharts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IChartRenderer, WeeklyChartRenderer>();
        return builder;
    }
}
