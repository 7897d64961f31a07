using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Adapters.Reviews.Csv;

/// <summary>One data line of a review CSV: the review, or why the line was skipped (per field).</summary>
/// <param name="Line">The line number in the file (the header is line 1).</param>
public sealed record CsvReviewLine(int Line, SourcedReview? Review, string? Problem);
