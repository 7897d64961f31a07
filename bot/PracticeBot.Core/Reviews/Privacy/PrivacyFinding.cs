namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>One risky phrase of a draft, why it is risky, and what to write instead.</summary>
public sealed record PrivacyFinding(string Phrase, PrivacyRisk Risk, PrivacySeverity Severity, string Why, string Instead);
