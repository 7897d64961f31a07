using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Core.Tests.Reviews.Sources;

/// <summary>A review source whose answers the test sets; it records the cursors it was asked with.</summary>
public sealed class ScriptedReviewSource(string name = "google") : IReviewSource
{
    public string Name { get; } = name;

    public string DisplayName => "Google";

    public TimeSpan PollInterval => TimeSpan.FromMinutes(15);

    public Func<SourceQuery, SourceFetchResult> Answer { get; set; } = _ => SourceFetchResult.Ok([], null);

    public List<string?> Cursors { get; } = [];

    public ReviewOrigin Origin { get; init; } = ReviewOrigin.Polled;

    public IReadOnlyCollection<string> ConfiguredPractices { get; init; } = [];

    public bool Serves(Practice practice) => true;

    public Task<SourceFetchResult> FetchAsync(SourceQuery query, CancellationToken cancellationToken)
    {
        Cursors.Add(query.Cursor);
        return Task.FromResult(Answer(query));
    }
}
