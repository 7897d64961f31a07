namespace PracticeBot.Core.Reviews.Sources;

/// <summary>What one ingestion did. Counts only: never review text.</summary>
public sealed record IngestionSummary(int Created, int Edited, int Replied, int Unchanged, IReadOnlyList<int> CreatedNumbers)
{
    public static readonly IngestionSummary Empty = new(0, 0, 0, 0, []);

    public bool ChangedAnything => Created + Edited + Replied > 0;

    public string Describe() => $"{Created} new, {Edited} edited, {Replied} replied on the source, {Unchanged} unchanged";
}
