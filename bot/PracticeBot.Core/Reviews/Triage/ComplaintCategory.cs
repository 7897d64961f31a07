namespace PracticeBot.Core.Reviews.Triage;

/// <summary>A complaint category of the phrase model: an id (stored, and used by practices to extend it), a label and its phrases.</summary>
public sealed record ComplaintCategory(string Id, string Label, IReadOnlyList<string> Phrases);
