using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PracticeBot.Adapters.Reviews.Demo;
using PracticeBot.Adapters.Reviews.Tests.TestSupport;

namespace PracticeBot.Adapters.Reviews.Tests.Demo;

public sealed class DemoReviewSourceTests
{
    [Fact]
    public async Task Fetch_OverTime_ReleasesBundledSamplesOneByOne()
    {
        var time = new FakeTimeProvider(Connectors.Now);
        using var provider = Connectors.Build(time, ("Sources:Demo:ReleaseEvery", "00:02:00"));
        var source = provider.GetRequiredService<DemoReviewSource>();
        var practice = Connectors.Practice(demo: true, created: Connectors.Now);

        var none = await source.FetchAsync(Connectors.Query(null, practice), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(5));
        var two = await source.FetchAsync(Connectors.Query(none.Cursor, practice), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(2));
        var third = await source.FetchAsync(Connectors.Query(two.Cursor, practice), CancellationToken.None);
        time.Advance(TimeSpan.FromDays(1));
        var rest = await source.FetchAsync(Connectors.Query(third.Cursor, practice), CancellationToken.None);

        Assert.Equal((0, 2, 1), (none.Reviews.Count, two.Reviews.Count, third.Reviews.Count));
        Assert.Equal(["demo-feed-3"], third.Reviews.Select(r => r.ExternalId));
        Assert.Equal(DemoReviewSource.SampleCount - 3, rest.Reviews.Count);
        Assert.True(DemoReviewSource.SampleCount >= 10);
        Assert.False(source.Serves(Connectors.Practice(demo: false)));
    }
}
