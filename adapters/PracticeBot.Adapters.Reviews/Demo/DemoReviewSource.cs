using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Adapters.Reviews.Demo;

/// <summary>
/// The demo practice's feed: bundled realistic reviews released one by one over time, so a fresh local install shows
/// new cards arriving. Its cursor is how many were released.
/// </summary>
public sealed class DemoReviewSource(IOptions<DemoSourceOptions> options, TimeProvider time) : IReviewSource
{
    public const string SourceName = "demo";

    private static readonly Lazy<IReadOnlyList<DemoSample>> Samples = new(Load);

    public string Name => SourceName;

    public string DisplayName => "Demo feed";

    public TimeSpan PollInterval => options.Value.PollInterval;

    public ReviewOrigin Origin => ReviewOrigin.Demo;

    /// <summary>The demo practice is made by the bot itself, not named in configuration.</summary>
    public IReadOnlyCollection<string> ConfiguredPractices => [];

    public static int SampleCount => Samples.Value.Count;

    public bool Serves(Practice practice) => practice.IsDemo && options.Value.Enabled;

    public Task<SourceFetchResult> FetchAsync(SourceQuery query, CancellationToken cancellationToken)
    {
        var every = options.Value.ReleaseEvery <= TimeSpan.Zero ? TimeSpan.FromMinutes(2) : options.Value.ReleaseEvery;
        var start = query.Practice.CreatedAt;
        var released = (int)Math.Clamp((time.GetUtcNow() - start) / every, 0, Samples.Value.Count);
        var from = int.TryParse(query.Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? Math.Clamp(c, 0, released) : 0;
        var reviews = Enumerable.Range(from, released - from).Select(i =>
        {
            var s = Samples.Value[i];
            return new SourcedReview(s.Source, $"demo-feed-{i + 1}", s.Rating, s.Recommendation, s.Author, s.Text,
                start + every * (i + 1), null, s.Url, s.Location);
        }).ToList();
        return Task.FromResult(SourceFetchResult.Ok(reviews, released.ToString(CultureInfo.InvariantCulture)));
    }

    private static IReadOnlyList<DemoSample> Load()
    {
        using var stream = typeof(DemoReviewSource).Assembly.GetManifestResourceStream("PracticeBot.Adapters.Reviews.Demo.demo-reviews.json")
            ?? throw new InvalidOperationException("The demo reviews are missing from the assembly.");
        return JsonSerializer.Deserialize<List<DemoSample>>(stream, JsonSerializerOptions.Web) ?? [];
    }

    private sealed record DemoSample(string Source, int? Rating, string? Recommendation, string? Author, string? Text, string? Url, string? Location);
}
