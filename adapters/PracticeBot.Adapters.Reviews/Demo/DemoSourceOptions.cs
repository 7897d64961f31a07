namespace PracticeBot.Adapters.Reviews.Demo;

/// <summary><c>Sources:Demo</c>: the bundled sample feed of the demo practice (local mode).</summary>
public sealed class DemoSourceOptions
{
    public const string SectionName = "Sources:Demo";

    public bool Enabled { get; set; } = true;
    /// <summary>One more sample review becomes "new" this often after the demo practice was created.</summary>
    public TimeSpan ReleaseEvery { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
}
