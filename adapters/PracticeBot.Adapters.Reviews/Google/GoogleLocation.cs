namespace PracticeBot.Adapters.Reviews.Google;

/// <summary>One Business Profile location of a practice: <c>accounts/{a}/locations/{l}</c> and how staff call it.</summary>
public sealed class GoogleLocation
{
    public string Name { get; set; } = "";
    public string? Label { get; set; }
}
