namespace PracticeBot.Core.Reviews.Suggestions;

/// <summary>Where a suggested reply came from.</summary>
public enum SuggestionSource
{
    /// <summary>The practice's templates, chosen by triage and tone (offline, always available).</summary>
    Template,
    /// <summary>The configured model (<c>AI:Endpoint</c>), after the privacy check passed it.</summary>
    Model,
}
