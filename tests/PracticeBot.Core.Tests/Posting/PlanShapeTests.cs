using PracticeBot.Core.Posting;

namespace PracticeBot.Core.Tests.Posting;

public sealed class PlanShapeTests
{
    [Theory]
    [InlineData(1, "Wed")]
    [InlineData(2, "Tue Thu")]
    [InlineData(3, "Mon Wed Fri")]
    [InlineData(5, "Mon Tue Wed Thu Fri")]
    [InlineData(7, "Mon Tue Wed Thu Fri Sat Sun")]
    public void DefaultDays_Rate_SpreadsOverTheWeek(int perWeek, string days)
    {
        // Act
        var spread = PlanShape.DefaultDays(perWeek);

        // Assert
        Assert.Equal(days, string.Join(" ", spread.Select(PlanShape.DayName)));
    }

    [Fact]
    public void Week_MorePostsThanDays_CyclesDaysAndNetworks()
    {
        // Act
        var week = PlanShape.Week(new DateOnly(2026, 11, 30), 4, [DayOfWeek.Friday, DayOfWeek.Monday], ["facebook", "instagram"]);

        // Assert
        Assert.Equal(
            [("2026-11-30", 0), ("2026-11-30", 1), ("2026-12-04", 0), ("2026-12-04", 1)],
            week.Select(s => (s.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), s.Sequence)));
        Assert.Equal(["facebook", "instagram", "facebook", "instagram"], week.Select(s => s.Network));
    }

    [Fact]
    public void TryTime_Words_ReadAsLocalHours()
    {
        // Act / Assert
        Assert.True(PlanShape.TryTime("10am", out var morning));
        Assert.True(PlanShape.TryTime("1pm", out var afternoon));
        Assert.False(PlanShape.TryTime("25pm", out _));
        Assert.Equal((new TimeOnly(10, 0), new TimeOnly(13, 0)), (morning, afternoon));
    }
}
