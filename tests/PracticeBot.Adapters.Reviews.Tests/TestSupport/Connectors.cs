using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Adapters.Reviews.Tests.TestSupport;

/// <summary>The connectors as the host registers them, with settings of the test's choosing and a fake clock.</summary>
public static class Connectors
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    public static ServiceProvider Build(FakeTimeProvider time, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(time)
            .AddReviewConnectors()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static Practice Practice(string slug = "sunrise", bool demo = false, DateTimeOffset? created = null) => new()
    {
        Id = 1,
        Name = "Sunrise",
        Slug = slug,
        TimeZone = "America/Chicago",
        IsDemo = demo,
        CreatedAt = created ?? Now,
    };

    public static SourceQuery Query(string? cursor = null, Practice? practice = null) => new(practice ?? Practice(), cursor);
}

/// <summary>Runs a call whose back-off waits on the fake clock, moving the clock on until it completes.</summary>
public static class FakeClock
{
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Func<Task<T>> call)
    {
        var task = call();
        for (var i = 0; i < 3000 && !task.IsCompleted; i++)
        {
            await Task.Delay(10);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
