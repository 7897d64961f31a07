using PracticeBot.Core.Reviews.Privacy;

namespace PracticeBot.Core.Reviews.Suggestions;

/// <summary>A suggested reply that passed the privacy check (never High risk), and where it came from.</summary>
/// <param name="Note">Why a template was used although a model is configured (it did not answer, or its text was unsafe).</param>
public sealed record ReplySuggestion(string Text, SuggestionSource Source, PrivacyReport Privacy, string? Note = null);
