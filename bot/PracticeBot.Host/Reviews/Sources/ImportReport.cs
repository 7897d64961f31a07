namespace PracticeBot.Host.Reviews.Sources;

/// <summary>What an import did: counts, and each skipped line with its reason.</summary>
public sealed record ImportReport(int Lines, int Created, int Updated, int Unchanged, IReadOnlyList<(int Line, string Reason)> Skipped);
