namespace PracticeBot.Core.Reviews.Sources;

/// <summary>A validated review, or the problems per field (JSON field name → what to fix).</summary>
public sealed record ReviewValidation(SourcedReview? Review, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Review is not null;
}
