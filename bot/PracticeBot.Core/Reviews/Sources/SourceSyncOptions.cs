namespace PracticeBot.Core.Reviews.Sources;

/// <summary><c>Sources:FailuresBeforeAlert</c>: how many polls in a row may fail before the managers hear of it.</summary>
public sealed class SourceSyncOptions
{
    public const string SectionName = "Sources";

    public int FailuresBeforeAlert { get; set; } = 3;
}
