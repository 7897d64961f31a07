namespace PracticeBot.Host.Demo;

/// <summary><c>Demo:Enabled</c>: seed a demo practice. Unset means on when no chat platform is configured.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public bool Enabled { get; set; }
}
